using System.Diagnostics;
using System.Net;
using Dashboard.Core.Leases;
using Dashboard.Tests.Browser;
using Dashboard.Tests.Deploy;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Telemetry;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Faults;

/// <summary>
/// docs/deploy.md's three instances behind HAProxy, under load through the balancer, when the instance that holds
/// the job leases (and a viewer's circuit) is SIGKILLed: the balancer's other instances answer every heartbeat,
/// another instance takes the leases within two lease periods, the viewer's page reconnects to another instance, and
/// the minute rows have no minute missing or written twice.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class InstanceKilledFaultTests(ITestOutputHelper output)
{
    private const int Users = 15;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task OneOfThreeKilledUnderLoad_OthersServeLeasesTakenOverViewerReconnects()
    {
        var test = Stopwatch.StartNew();
        await using var cluster = await BalancedApps.StartAsync(new Dictionary<string, string>
        {
            // This busy machine's CPU and memory must not open alerts of their own.
            ["Dashboard:Alerts:HighCpuPercent"] = "100",
            ["Dashboard:Alerts:HighMemoryPercent"] = "100",
            ["Dashboard:Alerts:HighDbConnectionsPercent"] = "100",
            ["Dashboard:Alerts:HighResponseTimeMs"] = "100000",
        });
        using var throughBalancer = cluster.ApiClient();
        await using var load = TrackLoad.Start(throughBalancer, Users, Heartbeat);
        await FaultProbe.TimeUntilAsync(() => FaultProbe.CountsRightAsync(throughBalancer, load), TimeSpan.FromSeconds(30), "every user counted");
        var holder = await LeaseHolderAsync(cluster.Apps, JobNames.History, TimeSpan.FromSeconds(30));

        // A viewer whose circuit lives on the instance about to die (its sticky cookie names it).
        await using var context = await (await TestBrowser.GetAsync()).NewContextAsync();
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "dashboard.node", Value = BalancedApps.Names[holder], Url = cluster.Balancer.Address.ToString() }]);
        var viewer = await context.NewPageAsync();
        await BrowserSignIn.SignInAsync(viewer, cluster.Balancer.Address, "/", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
        Assert.Equal(BalancedApps.Names[holder], await StickyInstanceAsync(context));
        // Gone when the page is loaded again.
        await viewer.EvaluateAsync("window.beforeTheKill = true");

        var killedAt = load.Now;
        await cluster.Apps[holder].KillAsync();
        var survivors = cluster.Apps.Where((_, index) => index != holder).ToList();
        var takenOver = await LeaseHolderAsync(survivors, JobNames.History, 4 * BalancedApps.LeaseDuration);
        var leaseAfter = load.Now - killedAt;
        await LeaseHolderAsync(survivors, JobNames.Alerts, 4 * BalancedApps.LeaseDuration);
        var alertsLeaseAfter = load.Now - killedAt;

        // Blazor finds the circuit gone on the instance it reaches now and loads the page again; the balancer gives
        // it another instance, where the sign-in cookie is good.
        await FaultProbe.TimeUntilAsync(
            async () =>
            {
                try
                {
                    return await viewer.EvaluateAsync<bool>("window.beforeTheKill === undefined")
                        && await viewer.Locator(".mud-layout").GetAttributeAsync("data-interactive", new() { Timeout = 1_000 }) == "true";
                }
                catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
                {
                    // The page is being loaded again.
                    return false;
                }
            },
            TimeSpan.FromSeconds(60), "the viewer's page loaded again from another instance");
        var viewerBack = load.Now - killedAt;
        var viewerInstance = await StickyInstanceAsync(context);
        await Expect(viewer).ToHaveURLAsync(new Uri(cluster.Balancer.Address, "/").ToString());

        // Heartbeats go on for a while after the takeover, then the counts and the minutes are checked.
        await Task.Delay(3 * Heartbeat);
        await FaultProbe.TimeUntilAsync(() => FaultProbe.CountsRightAsync(throughBalancer, load), TimeSpan.FromSeconds(10), "every user counted after the kill");
        var end = load.Now;
        var after = load.Between(killedAt, end);
        var rows = await cluster.MinuteRowsAsync();
        var minutes = rows.Select(row => row.BucketStart).Order().ToList();
        output.WriteLine($"killed {BalancedApps.Names[holder]}; history lease on {BalancedApps.Names[cluster.Apps.ToList().IndexOf(survivors[takenOver])]} {leaseAfter.TotalSeconds:F1} s later, alerts lease {alertsLeaseAfter.TotalSeconds:F1} s; " +
            $"viewer back on {viewerInstance} {viewerBack.TotalSeconds:F1} s after the kill; {after.Count} heartbeats since the kill: " +
            $"{after.Count(answer => answer.Status == 200)} answered 200, slowest {after.Max(answer => answer.Took).TotalMilliseconds:F0} ms; " +
            $"minute rows {string.Join(' ', rows.OrderBy(row => row.BucketStart).Select(row => $"{row.BucketStart:HH:mm}={row.SampleCount}"))}; test {test.Elapsed.TotalSeconds:F0} s");

        Assert.All(survivors, app => Assert.False(app.HasExited));
        Assert.True(leaseAfter < 2 * BalancedApps.LeaseDuration, $"the history lease was taken over {leaseAfter.TotalSeconds:F1} s after the kill");
        Assert.True(alertsLeaseAfter < 2 * BalancedApps.LeaseDuration, $"the alerts lease was taken over {alertsLeaseAfter.TotalSeconds:F1} s after the kill");
        Assert.NotEqual(BalancedApps.Names[holder], viewerInstance);
        Assert.All(after, answer => Assert.True(answer.Status == 200, $"a heartbeat sent {answer.SentAt.TotalSeconds:F1} s into the load answered {answer.Status}: {answer.Body}"));
        Assert.All(after, answer => Assert.True(answer.Took < TimeSpan.FromSeconds(2), $"a heartbeat took {answer.Took.TotalMilliseconds:F0} ms"));
        // One row a minute, none missing: from the first minute written to the last, every minute is there once.
        Assert.Equal(minutes.Distinct().Count(), minutes.Count);
        Assert.Equal((int)((minutes[^1] - minutes[0]) / TimeSpan.FromMinutes(1)) + 1, minutes.Count);
        // No minute sampled by two pollers: at most one sample a poll.
        Assert.All(rows, row => Assert.True(row.SampleCount <= (TimeSpan.FromMinutes(1) / BalancedApps.PollInterval) + 2, $"{row.BucketStart:HH:mm} has {row.SampleCount} samples"));
    }

    // The index, in `apps`, of the one instance whose /metrics says it holds the job's lease.
    private static async Task<int> LeaseHolderAsync(IReadOnlyList<RunningApp> apps, string job, TimeSpan limit)
    {
        var holder = -1;
        await FaultProbe.TimeUntilAsync(
            async () =>
            {
                var held = new List<int>();
                for (var index = 0; index < apps.Count; index++)
                {
                    using var scraper = apps[index].CreateClient(TestApiKeys.Metrics);
                    using var response = await scraper.GetAsync("/metrics");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    if (new PrometheusScrape(await response.Content.ReadAsStringAsync()).Value("dashboard_job_lease_held", ("job", job)) == 1)
                    {
                        held.Add(index);
                    }
                }

                holder = held.Count == 1 ? held[0] : -1;
                return holder >= 0;
            },
            limit, $"one instance holds the {job} lease");
        return holder;
    }

    private static async Task<string> StickyInstanceAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).Single(cookie => cookie.Name == "dashboard.node").Value;
}
