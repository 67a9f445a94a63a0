using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Tests.Alerts;
using Dashboard.Tests.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Leases;

/// <summary>
/// Two instances of the app on one Redis and one PostgreSQL: the once-per-cluster jobs run on the instance holding
/// their lease, and pass to the other when it stops. Every instance still polls for its own viewers.
/// </summary>
public sealed class MultiInstanceJobTests : IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new(FakeClockApp.Start);
    private readonly WebhookReceiver _webhook = new();
    private readonly string _keyPrefix = $"cluster-{Guid.NewGuid():N}";
    private PostgresTestDatabase _database = null!;
    private string _redis = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _redis = (await TestServers.RedisAsync()).Endpoint;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _webhook.Dispose();
    }

    [Fact]
    public async Task ConcurrencyRuleBreached_OnTwoInstances_FiresAndResolvesOnce()
    {
        await using var first = await StartAsync(_time);
        await using var second = await StartAsync(_time);

        await TrackAsync(first, active: true);
        await PollBothAsync(first, second, rounds: 2);
        await TrackAsync(second, active: false);
        await PollBothAsync(first, second, rounds: 2);
        var fired = await _webhook.NextAsync();
        var resolved = await _webhook.NextAsync();

        Assert.Equal("fired", fired.GetProperty("event").GetString());
        Assert.Equal("resolved", resolved.GetProperty("event").GetString());
        Assert.Equal(fired.GetProperty("alert").GetProperty("id").GetInt64(), resolved.GetProperty("alert").GetProperty("id").GetInt64());
        Assert.Equal(2, _webhook.Attempts);
    }

    [Fact]
    public async Task OpenAlert_OnTheInstanceNotEvaluating_CountsAsUnacknowledged()
    {
        await using var first = await StartAsync(_time);
        await using var second = await StartAsync(_time);

        await TrackAsync(first, active: true);
        await PollBothAsync(first, second, rounds: 2);

        Assert.DoesNotContain("alerts", await LeasesAsync(second));
        Assert.Equal(1, (await second.GetDataAsync($"{DashboardApp.Api}/metrics")).GetProperty("unacknowledged_alerts").GetInt32());
    }

    [Fact]
    public async Task Polls_OfTwoInstancesInOneMinute_WriteOneMinuteRowOfTheLeadersSamples()
    {
        await using var first = await StartAsync(_time);
        await using var second = await StartAsync(_time);
        await TrackAsync(first, active: true);

        _time.Advance(TimeSpan.FromSeconds(55));
        await PollBothAsync(first, second, rounds: 3);

        var minute = new DateTimeOffset(2026, 11, 26, 12, 1, 0, TimeSpan.Zero);
        var contexts = first.Services.GetRequiredService<IDbContextFactory<HistoryDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        var rows = await context.ConcurrentUsersHistory
            .Where(row => row.Granularity == HistoryGranularity.Minute && row.BucketStart == minute)
            .ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(3, row.SampleCount);
        Assert.Equal(8, row.MaxUsers);
    }

    [Fact]
    public async Task Leader_Stopping_HandsEveryJobToTheOtherInstanceWithinTwoLeasePeriods()
    {
        var first = await StartAsync(TimeProvider.System);
        await using var second = await StartAsync(TimeProvider.System);
        await first.PollAsync();
        await second.PollAsync();
        Assert.Contains("history", await LeasesAsync(first));
        Assert.Contains("alerts", await LeasesAsync(first));
        Assert.Empty(await LeasesAsync(second));

        await first.DisposeAsync();
        var clock = Stopwatch.StartNew();
        await Eventually.HoldsAsync(
            async () =>
            {
                await second.PollAsync();
                var held = await LeasesAsync(second);
                return held.Contains("history") && held.Contains("alerts");
            },
            "the second instance holds the history and alerts leases");

        Assert.True(clock.Elapsed < 2 * LeaseDuration, $"taken over after {clock.Elapsed}");
    }

    // On the fake clock, leases last the default 30 s of Redis's clock, longer than any test; on the real one, 2 s.
    private async Task<DashboardApp> StartAsync(TimeProvider time)
    {
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = _redis,
            ["Dashboard:Tracking:KeyPrefix"] = _keyPrefix,
            ["Dashboard:Tracking:PollInterval"] = "01:00:00",
            ["Dashboard:Leases:Duration"] = time == TimeProvider.System ? "00:00:02" : "00:00:30",
            ["Dashboard:Alerts:HighConcurrency"] = "5",
            ["Dashboard:Alerts:ForPolls"] = "2",
            ["Dashboard:Alerts:HighCpuPercent"] = "100",
            ["Dashboard:Alerts:HighMemoryPercent"] = "100",
            ["Dashboard:Alerts:HighDbConnectionsPercent"] = "100",
            ["Dashboard:Alerts:HighResponseTimeMs"] = "100000",
            ["Dashboard:Alerts:WebhookUrl"] = _webhook.Url,
        };
        var app = new DashboardApp(settings, time);
        await app.WaitForStartupPollAsync();
        return app;
    }

    private async Task PollBothAsync(DashboardApp first, DashboardApp second, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            // A poll apart, as instances are, so each poll's sample has its own time.
            await first.PollAsync();
            _time.Advance(TimeSpan.FromSeconds(5));
            await second.PollAsync();
            _time.Advance(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task TrackAsync(DashboardApp app, bool active)
    {
        using var client = app.CreateClient();
        var activities = Enumerable.Range(1, 8).Select(user => new
        {
            userId = $"u{user}", organizationId = "acme", sessionId = $"s-{user}", moduleId = "accounting", isActive = active,
        });
        (await client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities })).EnsureSuccessStatusCode();
    }

    private static async Task<IReadOnlyList<string>> LeasesAsync(DashboardApp app)
    {
        using var client = app.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>($"{DashboardApp.Api}/health");
        return [.. body.GetProperty("data").GetProperty("leases").EnumerateArray().Select(lease => lease.GetString()!)];
    }
}
