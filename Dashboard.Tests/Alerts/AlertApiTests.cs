using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Alerts;

/// <summary>
/// Alerts end to end on real Redis and PostgreSQL: too many users fire the concurrency rule after two polls, a person
/// acknowledges it through the API, and it resolves two polls after the users leave; the webhook hears both.
/// </summary>
public sealed class AlertApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(FakeClockApp.Start);
    private readonly WebhookReceiver _webhook = new(HttpStatusCode.ServiceUnavailable);
    private PostgresTestDatabase _database = null!;
    private DashboardApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = (await TestServers.RedisAsync()).Endpoint,
            ["Dashboard:Alerts:HighConcurrency"] = "2",
            // Polls rank only the busiest organization: a rule on another one reads it from the live store.
            ["Dashboard:Tracking:TopOrganizations"] = "1",
            ["Dashboard:Alerts:ForPolls"] = "2",
            // This machine's own CPU and memory must not raise alerts of their own here.
            ["Dashboard:Alerts:HighCpuPercent"] = "100",
            ["Dashboard:Alerts:HighMemoryPercent"] = "100",
            ["Dashboard:Alerts:HighDbConnectionsPercent"] = "100",
            ["Dashboard:Alerts:HighResponseTimeMs"] = "400",
            ["Dashboard:Alerts:WebhookUrl"] = _webhook.Url,
        };
        _app = await FakeClockApp.StartAsync(_time, settings);
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        _webhook.Dispose();
    }

    [Fact]
    public async Task ConcurrencyAboveThreshold_FiresAcknowledgesAndResolves()
    {
        await TrackAsync("u1", "u2", "u3");
        await PollAsync();
        Assert.Empty(await AlertsAsync("active"));

        await PollAsync();
        var fired = Assert.Single(await AlertsAsync("active"));
        Assert.Equal("high_concurrency", fired.GetProperty("alert_type").GetString());
        Assert.Equal("overall", fired.GetProperty("scope").GetString());
        Assert.Equal(3, fired.GetProperty("value").GetDouble());
        Assert.Equal(2, fired.GetProperty("threshold").GetDouble());
        Assert.Equal(1, (await _app.GetDataAsync($"{DashboardApp.Api}/metrics")).GetProperty("unacknowledged_alerts").GetInt32());

        var id = fired.GetProperty("id").GetInt64();
        var ack = await _client.PostAsJsonAsync($"{DashboardApp.Api}/alerts/{id}/acknowledge", new { note = "scaling out" });
        var acknowledged = (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.Equal(TestApiKeys.DefaultName, acknowledged.GetProperty("acknowledged_by").GetString());
        Assert.Equal("scaling out", acknowledged.GetProperty("acknowledgement_note").GetString());
        Assert.Equal(_time.GetUtcNow(), acknowledged.GetProperty("acknowledged_at").GetDateTimeOffset());

        await TrackAsync("u1", "u2", "u3", active: false);
        await PollAsync();
        await PollAsync();
        var resolved = Assert.Single(await AlertsAsync("resolved"));
        Assert.Equal(id, resolved.GetProperty("id").GetInt64());
        Assert.Equal(TestApiKeys.DefaultName, resolved.GetProperty("acknowledged_by").GetString());
        Assert.Empty(await AlertsAsync("active"));
    }

    [Fact]
    public async Task SlowResponses_FireTheResponseTimeRule_AndItResolvesWhenTheyStop()
    {
        await TrackSlowAsync(900);
        await PollAsync();
        await TrackSlowAsync(900);
        await PollAsync();

        var fired = Assert.Single(await AlertsAsync("active"), alert => alert.GetProperty("alert_type").GetString() == "high_response_time");
        Assert.InRange(fired.GetProperty("value").GetDouble(), 900 * 0.98, 900 * 1.02);
        Assert.Equal(400, fired.GetProperty("threshold").GetDouble());

        // The window is whole minutes: one minute past it, it holds no slow request any more.
        _time.Advance(Web.Live.MetricsPoller.PerformanceWindow + TimeSpan.FromMinutes(1));
        await PollAsync();
        await PollAsync();
        Assert.Contains(await AlertsAsync("resolved"), alert => alert.GetProperty("id").GetInt64() == fired.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Webhook_ReceivesFiredAndResolved_RetryingAFailedDelivery()
    {
        await TrackAsync("u1", "u2", "u3");
        await PollAsync();
        await PollAsync();
        // The receiver refused the first delivery: the retry waits a second of the app's clock, which moves here in
        // small steps until the second attempt arrives (the wait starts only once the refusal has been read).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_webhook.Attempts < 2)
        {
            await Task.Delay(20, timeout.Token);
            if (_webhook.Attempts == 1)
            {
                _time.Advance(TimeSpan.FromMilliseconds(250));
            }
        }

        var fired = await _webhook.NextAsync();
        await TrackAsync("u1", "u2", "u3", active: false);
        await PollAsync();
        await PollAsync();
        var resolved = await _webhook.NextAsync();

        Assert.Equal("fired", fired.GetProperty("event").GetString());
        Assert.Equal("high_concurrency", fired.GetProperty("alert").GetProperty("alert_type").GetString());
        Assert.Equal("resolved", resolved.GetProperty("event").GetString());
        Assert.Equal(fired.GetProperty("alert").GetProperty("id").GetInt64(), resolved.GetProperty("alert").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Acknowledge_BadInput_Answers400AndChangesNothing()
    {
        await TrackAsync("u1", "u2", "u3");
        await PollAsync();
        await PollAsync();
        var id = Assert.Single(await AlertsAsync("active")).GetProperty("id").GetInt64();

        var longNote = await _client.PostAsJsonAsync($"{DashboardApp.Api}/alerts/{id}/acknowledge", new { note = new string('n', 2001) });
        var missing = await _client.PostAsJsonAsync($"{DashboardApp.Api}/alerts/999999/acknowledge", new { note = "seen" });
        var badFilter = await _client.GetAsync($"{DashboardApp.Api}/alerts?status=open");

        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Single(await AlertsAsync("active"));
    }

    [Fact]
    public async Task Acknowledge_Twice_AnswersConflict()
    {
        await TrackAsync("u1", "u2", "u3");
        await PollAsync();
        await PollAsync();
        var id = Assert.Single(await AlertsAsync("active")).GetProperty("id").GetInt64();
        (await _client.PostAsJsonAsync($"{DashboardApp.Api}/alerts/{id}/acknowledge", new { note = "seen" })).EnsureSuccessStatusCode();

        var again = await _client.PostAsJsonAsync($"{DashboardApp.Api}/alerts/{id}/acknowledge", new { note = "seen again" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ModuleRule_AddedThroughTheApi_FiresForThatModuleOnly()
    {
        var saved = await _client.PutAsJsonAsync($"{DashboardApp.Api}/alerts/rules/tax-crowd",
            new { kind = "high_concurrency", scope = "module:tax", threshold = 1, for_polls = 1, severity = "critical" });
        saved.EnsureSuccessStatusCode();

        await TrackAsync("u1", "u2", module: "tax");
        await PollAsync();

        var alert = Assert.Single(await AlertsAsync("active"));
        Assert.Equal("module:tax", alert.GetProperty("scope").GetString());
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        var rules = await _app.GetDataAsync($"{DashboardApp.Api}/alerts/rules");
        Assert.Contains(rules.EnumerateArray(), rule => rule.GetProperty("id").GetString() == "tax-crowd");
    }

    [Fact]
    public async Task OrganizationRule_OnAnOrganizationThePollDoesNotRank_FiresWithItsUsers()
    {
        var saved = await _client.PutAsJsonAsync($"{DashboardApp.Api}/alerts/rules/small-crowd",
            new { kind = "high_concurrency", scope = "organization:small", threshold = 1, for_polls = 1, severity = "warning" });
        saved.EnsureSuccessStatusCode();
        var activities = new[] { ("u1", "big"), ("u2", "big"), ("u3", "big"), ("u4", "small"), ("u5", "small") }
            .Select(entry => new { userId = entry.Item1, organizationId = entry.Item2, sessionId = $"s-{entry.Item1}", moduleId = "tax" });
        (await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities })).EnsureSuccessStatusCode();

        await PollAsync();

        var metrics = await _app.GetDataAsync($"{DashboardApp.Api}/metrics");
        Assert.Equal(["big"], metrics.GetProperty("organizations").EnumerateArray().Select(organization => organization.GetProperty("organization_id").GetString()));
        Assert.Equal(2, metrics.GetProperty("total_organizations").GetInt64());
        var alert = Assert.Single(await AlertsAsync("active"), alert => alert.GetProperty("scope").GetString() == "organization:small");
        Assert.Equal(2, alert.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Rule_InvalidThreshold_IsRefused()
    {
        var response = await _client.PutAsJsonAsync($"{DashboardApp.Api}/alerts/rules/high-error-rate",
            new { kind = "high_error_rate", scope = "module:tax", threshold = 5, for_polls = 0 });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(error => error.GetProperty("field").GetString()).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["scope", "threshold", "for_polls"], errors);
    }

    private async Task PollAsync()
    {
        _time.Advance(TimeSpan.FromSeconds(10));
        await _app.PollAsync();
    }

    private async Task TrackAsync(string a, string b, string? c = null, bool active = true, string module = "accounting")
    {
        var users = new[] { a, b, c }.Where(user => user is not null);
        var activities = users.Select(user => new { userId = user, organizationId = "acme", sessionId = $"s-{user}", moduleId = module, isActive = active });
        (await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities })).EnsureSuccessStatusCode();
    }

    private async Task TrackSlowAsync(double responseTimeMs)
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track",
            new { userId = "slow", organizationId = "acme", sessionId = "s-slow", moduleId = "reports", responseTimeMs });
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<JsonElement>> AlertsAsync(string status) =>
        [.. (await _app.GetDataAsync($"{DashboardApp.Api}/alerts?status={status}")).GetProperty("alerts").EnumerateArray()];
}
