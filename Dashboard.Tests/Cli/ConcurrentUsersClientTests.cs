using System.Net;
using System.Net.Http.Json;
using Dashboard.Client;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary>The typed client, as a platform service uses it, against the real app.</summary>
public sealed class ConcurrentUsersClientTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();
    private HttpClient _http = null!;
    private ConcurrentUsersClient _client = null!;

    public Task InitializeAsync()
    {
        _http = new HttpClient(_app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        _client = new ConcurrentUsersClient(_http, TestApiKeys.Default);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TrackActivityAsync_SpecActivity_IsCountedByGetCurrentAsync()
    {
        var tracked = await _client.TrackActivityAsync(new UserActivity("user123", "org456", "session789", "accounting")
        {
            UserAgent = "Mozilla/5.0",
            IpAddress = "192.168.1.1",
        });
        await _app.PollAsync();
        var current = await _client.GetCurrentAsync();

        Assert.Equal(1, tracked.Accepted);
        Assert.Equal(1, current.ConcurrentUsers);
        Assert.Equal(1, current.ActiveSessions);
    }

    [Fact]
    public async Task TrackBatchAsync_ResponseTimesAndErrors_ReachThePerformanceFigures()
    {
        await _client.TrackBatchAsync(
        [
            new UserActivity("u1", "acme", "s1", "reports") { ResponseTimeMs = 120 },
            new UserActivity("u2", "acme", "s2", "reports") { ResponseTimeMs = 900, IsError = true },
        ]);
        await _app.PollAsync();

        var performance = await _client.GetPerformanceAsync("1h", "now", "reports");

        Assert.Equal(2, performance.Requests);
        Assert.Equal(1, performance.Errors);
        Assert.InRange(performance.P99!.Value, 900 * 0.98, 900 * 1.02);
    }

    [Fact]
    public async Task TrackBatchAsync_ThreeActivities_AreReadBackByEveryRead()
    {
        var batch = await _client.TrackBatchAsync(
        [
            new UserActivity("u1", "acme", "s1", "accounting"),
            new UserActivity("u2", "acme", "s2", "tax"),
            new UserActivity("u3", "globex", "s3", "accounting"),
        ]);
        await _app.PollAsync();

        var metrics = await _client.GetMetricsAsync(top: 1);
        var module = await _client.GetModuleAsync("accounting");
        var organization = await _client.GetOrganizationAsync("acme");
        var sessions = await _client.ListSessionsAsync(new SessionFilter(OrganizationId: "acme"), offset: 0, limit: 1);

        Assert.Equal(3, batch.Accepted);
        Assert.Equal(3, metrics.ConcurrentUsers);
        Assert.Equal(new ModuleCount("accounting", 2), metrics.Modules[0]);
        Assert.Equal(new OrganizationCount("acme", 2), Assert.Single(metrics.Organizations));
        Assert.Equal(2, metrics.TotalOrganizations);
        Assert.Equal(60, metrics.ActivityWindowSeconds);
        Assert.Equal(2, module.ConcurrentUsers);
        Assert.Equal(2, organization.ConcurrentUsers);
        Assert.Equal(2, organization.Modules.Count);
        Assert.Equal(2, sessions.Total);
        Assert.Equal("acme", Assert.Single(sessions.Sessions).OrganizationId);
    }

    [Fact]
    public async Task GetPerformanceAsync_AfterTrackedResponseTimes_MergesThemOverallAndPerModule()
    {
        var activities = new[] { ("u1", "tax", 100.0, false), ("u2", "tax", 300.0, true), ("u3", "payroll", 50.0, false) }
            .Select(activity => new
            {
                userId = activity.Item1, organizationId = "acme", sessionId = activity.Item1, moduleId = activity.Item2,
                responseTimeMs = activity.Item3, isError = activity.Item4,
            });
        (await _http.PostAsJsonAsync("api/concurrent-users/track/batch", new { activities })).EnsureSuccessStatusCode();
        await _app.PollAsync();

        var overall = await _client.GetPerformanceAsync("1h");
        var tax = await _client.GetPerformanceAsync("1h", moduleId: "tax");

        Assert.Equal((3, 1), (overall.Requests, overall.Errors));
        Assert.InRange(overall.P99!.Value, 300 * 0.98, 300 * 1.02);
        Assert.Equal((2, 1, 0.5), (tax.Requests, tax.Errors, tax.ErrorRate));
        Assert.Empty(tax.Modules);
        var payroll = Assert.Single(overall.Modules, module => module.ModuleId == "payroll");
        Assert.InRange(payroll.P50!.Value, 50 * 0.98, 50 * 1.02);
    }

    [Fact]
    public async Task TrackActivityAsync_InvalidIds_ThrowsWithTheServersMessageAndFields()
    {
        var error = await Assert.ThrowsAsync<ConcurrentUsersApiException>(
            () => _client.TrackActivityAsync(new UserActivity("", "org 456", "s1", "accounting")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Invalid input", error.Error);
        Assert.Equal(["userId", "organizationId"], error.Errors.Select(field => field.Field));
        Assert.Contains("userId is required.", error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackBatchAsync_OverTheLimit_ThrowsTheServersRefusal()
    {
        var activities = Enumerable.Range(0, ConcurrentUsersClient.MaxBatchSize + 1)
            .Select(index => new UserActivity($"u{index}", "o1", $"s{index}", "m1")).ToList();

        var error = await Assert.ThrowsAsync<ConcurrentUsersApiException>(() => _client.TrackBatchAsync(activities));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task GetHealthAsync_Healthy_ReportsEveryCheck()
    {
        await _app.PollAsync();

        var health = await _client.GetHealthAsync();

        Assert.True(health.IsHealthy);
        Assert.Equal(0, health.ConcurrentUsers);
        Assert.True(Assert.Single(health.Checks, check => check.Name == "live_store").IsHealthy);
    }

    [Fact]
    public async Task GetAsync_RawData_IsTheServersJson()
    {
        await _app.PollAsync();

        var current = await _client.GetAsync<CurrentUsers>(ApiRoutes.Current);

        Assert.Equal(0, current.Value.ConcurrentUsers);
        Assert.Equal(0, current.Json.GetProperty("concurrent_users").GetInt64());
    }

    [Fact]
    public async Task WatchAsync_TwoPolls_YieldsOneUpdatePerPoll()
    {
        await _app.PollAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var updates = _client.WatchAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await updates.MoveNextAsync());
        var first = updates.Current;
        await _client.TrackActivityAsync(new UserActivity("u1", "o1", "s1", "tax"), timeout.Token);
        await _app.PollAsync();
        Assert.True(await updates.MoveNextAsync());
        var second = updates.Current;

        Assert.Equal(0, first.ConcurrentUsers);
        Assert.Equal(1, second.ConcurrentUsers);
        Assert.Equal(new ModuleCount("tax", 1), Assert.Single(second.Modules));
        Assert.Null(second.LiveStoreError);
    }

    [Fact]
    public async Task Client_BaseAddressWithPath_KeepsThePath()
    {
        var recording = new RecordingHandler(_app.Server.CreateHandler());
        using var http = new HttpClient(recording) { BaseAddress = new Uri("http://localhost/dashboard") };

        await Assert.ThrowsAsync<ConcurrentUsersApiException>(() => new ConcurrentUsersClient(http).GetCurrentAsync());

        Assert.Equal("/dashboard/api/concurrent-users/current", Assert.Single(recording.Paths));
    }

    [Fact]
    public void Client_NoBaseAddress_IsRefused()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new ConcurrentUsersClient(http));
    }
}
