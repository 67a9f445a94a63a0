using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Telemetry;

/// <summary>
/// What Prometheus reads at <c>/metrics</c> from the real app (a Kestrel process): the dashboard's own series, with
/// the values of what was tracked, beside ASP.NET Core's.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync(new Dictionary<string, string>
    {
        ["Dashboard:Tracking:PollInterval"] = "00:00:01",
        // This busy machine's CPU and memory must not open alerts of their own: the test counts the open ones.
        ["Dashboard:Alerts:HighCpuPercent"] = "100",
        ["Dashboard:Alerts:HighMemoryPercent"] = "100",
        ["Dashboard:Alerts:HighDbConnectionsPercent"] = "100",
        ["Dashboard:Alerts:HighResponseTimeMs"] = "100000",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Scrape_AfterTracking_CarriesTheCountsOutcomesLatenciesAndLeases()
    {
        using var client = _app.CreateClient();
        foreach (var (user, module) in new[] { ("ann", "billing"), ("bob", "billing"), ("cy", "billing"), ("di", "reports") })
        {
            var accepted = await client.PostAsJsonAsync("/api/concurrent-users/track", new { userId = user, organizationId = "org", sessionId = $"s-{user}", moduleId = module });
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var batch = await client.PostAsJsonAsync("/api/concurrent-users/track/batch", new
        {
            activities = new[] { new { userId = "ed", organizationId = "org", sessionId = "s-ed", moduleId = "reports" }, new { userId = "fay", organizationId = "org", sessionId = "s-fay", moduleId = "search" } },
        });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var invalid = await client.PostAsJsonAsync("/api/concurrent-users/track", new { userId = "", moduleId = "billing" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var viewer = _app.CreateClient(TestApiKeys.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/concurrent-users/track", new { userId = "x" })).StatusCode);

        using var scraper = _app.CreateClient(TestApiKeys.Metrics);
        PrometheusScrape scrape = null!;
        await Eventually.HoldsAsync(
            async () =>
            {
                var response = await scraper.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                scrape = new PrometheusScrape(await response.Content.ReadAsStringAsync());
                return scrape.Value("dashboard_users_concurrent") == 6 && scrape.Value("dashboard_job_lease_held", ("job", "history")) == 1;
            },
            "a poll has counted the six users");

        Assert.Equal(6, scrape.Value("dashboard_sessions_active"));
        Assert.Equal(3, scrape.Value("dashboard_module_users", ("module", "billing")));
        Assert.Equal(2, scrape.Value("dashboard_module_users", ("module", "reports")));
        Assert.Equal(1, scrape.Value("dashboard_module_users", ("module", "search")));
        Assert.Equal(5, scrape.Value("dashboard_track_requests_total", ("outcome", "accepted")));
        Assert.Equal(1, scrape.Value("dashboard_track_requests_total", ("outcome", "invalid")));
        Assert.Equal(1, scrape.Value("dashboard_track_requests_total", ("outcome", "refused")));
        Assert.Equal(6, scrape.Value("dashboard_track_events_total", ("outcome", "accepted")));
        Assert.Equal(1, scrape.Value("dashboard_track_events_total", ("outcome", "invalid")));
        Assert.Equal(5, scrape.Value("dashboard_track_duration_seconds_count", ("outcome", "accepted")));
        Assert.Equal(5, scrape.Value("dashboard_track_duration_seconds_bucket", ("outcome", "accepted"), ("le", "+Inf")));
        Assert.True(scrape.Value("dashboard_poll_duration_seconds_count") >= 1, scrape.Text);
        Assert.True(scrape.Value("dashboard_session_queue_depth") >= 0, scrape.Text);
        Assert.Equal(0, scrape.Value("dashboard_session_queue_dropped_total"));
        Assert.Equal(0, scrape.Value("dashboard_alerts_open", ("severity", "critical")));
        Assert.Equal(0, scrape.Value("dashboard_alerts_open", ("severity", "warning")));
        Assert.Equal(1, scrape.Value("dashboard_job_lease_held", ("job", "alerts")));
        // ASP.NET Core's own instrumentation is exported beside ours.
        Assert.Contains("http_server_request_duration_seconds_bucket", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_ManyModules_ExportsOnlyTheTopOnes()
    {
        using var client = _app.CreateClient();
        var activities = Enumerable.Range(0, 30)
            .Select(index => new { userId = $"u{index}", organizationId = "org", sessionId = $"s{index}", moduleId = $"module-{index:D2}" })
            .ToArray();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/concurrent-users/track/batch", new { activities })).StatusCode);

        using var scraper = _app.CreateClient(TestApiKeys.Metrics);
        PrometheusScrape scrape = null!;
        await Eventually.HoldsAsync(
            async () =>
            {
                scrape = new PrometheusScrape(await scraper.GetStringAsync("/metrics"));
                return scrape.Value("dashboard_users_concurrent") == 30;
            },
            "a poll has counted the thirty users");

        Assert.Equal(Dashboard.Web.Telemetry.DashboardMetrics.TopModules, scrape.Series().Count(series => series.Name == "dashboard_module_users"));
    }
}
