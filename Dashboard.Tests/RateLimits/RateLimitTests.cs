using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Telemetry;

namespace Dashboard.Tests.RateLimits;

/// <summary>
/// The API's token buckets through the whole pipeline: over its limit a caller gets 429 with <c>Retry-After</c> in the
/// envelope, counted by limit in <c>/metrics</c>; a batch costs a token per activity; one caller's flood limits nobody else.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    // An hour's period: nothing comes back into a bucket while a test runs.
    private readonly DashboardApp _app = new(new Dictionary<string, string?>
    {
        ["Dashboard:RateLimits:Read:Tokens"] = "1",
        ["Dashboard:RateLimits:Read:Period"] = "01:00:00",
        ["Dashboard:RateLimits:Read:Burst"] = "2",
        ["Dashboard:RateLimits:Ingest:Tokens"] = "1000",
        ["Dashboard:RateLimits:Ingest:Period"] = "01:00:00",
        ["Dashboard:RateLimits:Ingest:Burst"] = "1000",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Read_OverItsBurst_Answers429WithRetryAfterInTheEnvelopeAndCountsIt()
    {
        using var viewer = _app.CreateClient(TestApiKeys.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{DashboardApp.Api}/current")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{DashboardApp.Api}/current")).StatusCode);

        var refused = await viewer.GetAsync($"{DashboardApp.Api}/current");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), refused.Headers.RetryAfter?.Delta);
        var envelope = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Too many requests", envelope.GetProperty("error").GetString());
        Assert.Contains("retry after 3600 s", envelope.GetProperty("details").GetString(), StringComparison.Ordinal);
        using var scraper = _app.CreateClient(TestApiKeys.Metrics);
        var scrape = new PrometheusScrape(await scraper.GetStringAsync("/metrics"));
        Assert.Equal(1, scrape.Value("dashboard_rate_limit_rejections_total", ("limit", "read")));
    }

    [Fact]
    public async Task Batch_TakesATokenPerActivity_SoTheNextTrackOfThatKeyIsRefusedButAnotherKeysIsNot()
    {
        using var flooding = _app.CreateClient(TestApiKeys.Ingest);
        using var other = _app.CreateClient(TestApiKeys.Default);
        var activities = Enumerable.Range(0, 1000).Select(index => Activity($"flood-{index}")).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await flooding.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities })).StatusCode);

        var refused = await flooding.PostAsJsonAsync($"{DashboardApp.Api}/track", Activity("one-more"));
        var unaffected = await other.PostAsJsonAsync($"{DashboardApp.Api}/track", Activity("other-key"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task Batch_OverTheTokensLeft_IsRefusedWholeAndStoresNothing()
    {
        using var ingest = _app.CreateClient(TestApiKeys.Ingest);
        Assert.Equal(HttpStatusCode.OK, (await ingest.PostAsJsonAsync($"{DashboardApp.Api}/track", Activity("first"))).StatusCode);
        var activities = Enumerable.Range(0, 1000).Select(index => Activity($"batch-{index}")).ToArray();

        var refused = await ingest.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many requests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        await _app.PollAsync();
        Assert.Equal(1, (await _app.GetDataAsync($"{DashboardApp.Api}/current")).GetProperty("concurrent_users").GetInt32());
    }

    private static object Activity(string user) => new { userId = user, organizationId = "org-1", sessionId = $"s-{user}", moduleId = "tax" };
}
