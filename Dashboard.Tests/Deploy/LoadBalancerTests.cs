using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Alerts;
using Dashboard.Tests.Auth;
using Dashboard.Tests.Browser;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Deploy;

/// <summary>
/// docs/deploy.md's topology, for real: three dashboard processes on one Redis and one PostgreSQL behind HAProxy on
/// deploy/haproxy.cfg. With a concurrency rule breached, the alert fires once and its webhook is delivered once, the
/// history rows are written by one instance, what one instance changes shows on the others within a poll, and a
/// sign-in cookie works through the balancer on every instance.
/// </summary>
public sealed class LoadBalancerTests : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = BalancedApps.PollInterval;

    private readonly WebhookReceiver _webhook = new();
    private readonly Stopwatch _running = new();
    private BalancedApps _cluster = null!;
    private IReadOnlyList<RunningApp> _apps = [];
    private Haproxy _balancer = null!;

    public async Task InitializeAsync()
    {
        _running.Start();
        _cluster = await BalancedApps.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:Alerts:HighConcurrency"] = "5",
            ["Dashboard:Alerts:ForPolls"] = "1",
            ["Dashboard:Alerts:HighCpuPercent"] = "100",
            ["Dashboard:Alerts:HighMemoryPercent"] = "100",
            ["Dashboard:Alerts:HighDbConnectionsPercent"] = "100",
            ["Dashboard:Alerts:HighResponseTimeMs"] = "100000",
            ["Dashboard:Alerts:WebhookUrl"] = _webhook.Url,
        });
        _apps = _cluster.Apps;
        _balancer = _cluster.Balancer;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _webhook.Dispose();
    }

    [Fact]
    public async Task ThreeInstances_BehindHaproxy_ActAsOne()
    {
        // A signed-in cookie, got through the balancer on one instance, works on every instance.
        var jar = new CookieJar();
        using (var browser = jar.Client(_balancer.Address))
        {
            jar.Set("dashboard.node", "app2");
            var signIn = await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("app2", Assert.Single(signIn.Headers.GetValues("X-Dashboard-Instance")));
            foreach (var instance in BalancedApps.Names)
            {
                jar.Set("dashboard.node", instance);
                var page = await browser.GetAsync("/alerts");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(instance, Assert.Single(page.Headers.GetValues("X-Dashboard-Instance")));
            }
        }

        // A viewer in Chromium through the balancer: its page, negotiate and WebSocket reach one instance (the sticky
        // cookie), so the circuit opens and stays open.
        await using var context = await (await TestBrowser.GetAsync()).NewContextAsync();
        var viewer = await context.NewPageAsync();
        var sockets = new List<IWebSocket>();
        viewer.WebSocket += (_, socket) => { lock (sockets) { sockets.Add(socket); } };
        await BrowserSignIn.SignInAsync(viewer, _balancer.Address, "/alerts", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
        var circuit = Assert.Single(sockets, socket => socket.Url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.StartsWith($"ws://{_balancer.Address.Authority}/", circuit.Url, StringComparison.Ordinal);
        var viewerInstance = (await context.CookiesAsync()).Single(cookie => cookie.Name == "dashboard.node").Value;
        Assert.Contains(viewerInstance, BalancedApps.Names);

        // Eight users, above the rule's 5, tracked through the balancer by a client without cookies, as platform
        // services send them: spread round-robin over the three instances; one alert, one webhook.
        using var throughBalancer = _cluster.ApiClient();
        var served = new HashSet<string>(StringComparer.Ordinal);
        for (var user = 1; user <= 8; user++)
        {
            var track = await throughBalancer.PostAsJsonAsync("/api/concurrent-users/track",
                new { userId = $"u{user}", organizationId = "acme", sessionId = $"s-{user}", moduleId = "accounting" });
            Assert.Equal(HttpStatusCode.OK, track.StatusCode);
            served.Add(track.Headers.GetValues("X-Dashboard-Instance").Single());
        }

        Assert.Equal(3, served.Count);
        var fired = await _webhook.NextAsync();
        Assert.Equal("fired", fired.GetProperty("event").GetString());
        var alertId = fired.GetProperty("alert").GetProperty("id").GetInt64();
        await Task.Delay(3 * PollInterval);
        Assert.Equal(1, _webhook.Attempts);
        foreach (var app in _apps)
        {
            Assert.Equal(1, await UnacknowledgedAsync(app));
        }

        // The viewer's circuit, on whichever instance it lives, shows the alert.
        await Expect(viewer.GetByTestId("alert-badge")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = 10_000 });

        // Acknowledged through one instance: the others show it at their next poll.
        using (var first = _apps[0].CreateClient())
        {
            (await first.PostAsJsonAsync($"/api/concurrent-users/alerts/{alertId}/acknowledge", new { note = "more servers" })).EnsureSuccessStatusCode();
        }

        var acknowledged = Stopwatch.StartNew();
        await Eventually.HoldsAsync(
            async () => await UnacknowledgedAsync(_apps[1]) == 0 && await UnacknowledgedAsync(_apps[2]) == 0,
            "the other instances show the acknowledgement");
        // One poll, plus the time the poll and these requests take on a busy machine.
        Assert.True(acknowledged.Elapsed < 3 * PollInterval, $"shown after {acknowledged.Elapsed}");
        await Expect(viewer.GetByTestId("alert-badge")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 10_000 });
        Assert.False(circuit.IsClosed, "the viewer's circuit closed");

        // A rule changed on one instance applies everywhere: whichever holds the alerts lease resolves the alert, once.
        using (var second = _apps[1].CreateClient())
        {
            (await second.PutAsJsonAsync("/api/concurrent-users/alerts/rules/high-concurrency",
                new { kind = "high_concurrency", scope = "overall", threshold = 100, for_polls = 1, severity = "warning" })).EnsureSuccessStatusCode();
        }

        var resolved = await _webhook.NextAsync();
        Assert.Equal("resolved", resolved.GetProperty("event").GetString());
        Assert.Equal(alertId, resolved.GetProperty("alert").GetProperty("id").GetInt64());
        using (var third = _apps[2].CreateClient())
        {
            var rules = await third.GetFromJsonAsync<JsonElement>("/api/concurrent-users/alerts/rules");
            var rule = rules.GetProperty("data").EnumerateArray().Single(rule => rule.GetProperty("id").GetString() == "high-concurrency");
            Assert.Equal(100, rule.GetProperty("threshold").GetDouble());
        }

        await Task.Delay(3 * PollInterval);
        Assert.Equal(2, _webhook.Attempts);

        // Every minute row was written by one instance at a time: no more samples than one poller takes.
        var rows = await _cluster.MinuteRowsAsync();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, row => row.MaxUsers == 8);
        var pollsSinceStart = _running.Elapsed / PollInterval;
        Assert.True(rows.Sum(row => row.SampleCount) <= pollsSinceStart + 2 * rows.Count,
            $"{rows.Sum(row => row.SampleCount)} samples in {rows.Count} minute rows after {pollsSinceStart:F0} polls' time");
    }

    private static async Task<int> UnacknowledgedAsync(RunningApp app)
    {
        using var client = app.CreateClient();
        var metrics = await client.GetFromJsonAsync<JsonElement>("/api/concurrent-users/metrics");
        return metrics.GetProperty("data").GetProperty("unacknowledged_alerts").GetInt32();
    }
}
