using System.Diagnostics;
using System.Net;
using Dashboard.Core.Persistence;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Dashboard.Tests.Data;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Dashboard.Tests.Faults;

/// <summary>
/// PostgreSQL (a server of the test's own, a real process) stopped and started again on the same port while the app
/// takes heartbeats from 60 users. The app's clock is fake and moves 10 s a poll, so two minutes of outage (longer than
/// the 60 s: the minute rows are only at risk when an outage spans a whole minute) take seconds. Everything must
/// be written within six polls (a minute on the app's clock) of PostgreSQL's return.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class PostgresOutageFaultTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 5, TimeSpan.Zero);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With the default backfill every minute is rebuilt from all six of its samples. With a backfill of one minute (as
    /// the recorder behaved before it had one: it rebuilt only the minute before), 12:01, written at 12:01:05 just before
    /// the database stopped, keeps that one sample, and is counted as dropped.
    /// </summary>
    [Theory]
    [InlineData("01:00:00", 6, 0)]
    [InlineData("00:01:00", 1, 1)]
    public async Task Postgres_StoppedTwoMinutesUnderLoad_LosesNoSessionAndNoMinuteAndLogsOnce(string backfill, int samplesOf1201, long droppedMinutes)
    {
        var test = Stopwatch.StartNew();
        using var server = await TestServers.StartPostgresAsync("fault");
        await using var database = await PostgresTestDatabase.CreateAsync(server);
        var time = new FakeTimeProvider(Start);
        var logs = new RecordingLoggerProvider();
        await using var dashboard = new DashboardApp(
            new Dictionary<string, string?>(database.Settings)
            {
                ["Dashboard:Tracking:PollInterval"] = "01:00:00",
                ["Dashboard:Persistence:HistoryBackfill"] = backfill,
            }, time);
        await using var app = dashboard.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var client = app.CreateClient();
        var hub = app.Services.GetRequiredService<MetricsHub>();
        await Eventually.HoldsAsync(() => hub.Latest is not null, "the poll at start");
        var poller = app.Services.GetRequiredService<MetricsPoller>();
        var between = TimeSpan.FromMilliseconds(200);
        async Task PollAsync()
        {
            // Real time for the heartbeats in between; the fake clock for the app.
            await Task.Delay(between);
            time.Advance(Poll);
            await poller.PollOnceAsync(default);
        }

        await using var first = TrackLoad.Start(client, 40, TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < 6; i++)
        {
            await PollAsync();
        }

        await server.StopAsync();
        var stoppedAt = first.Now;
        await using var joining = TrackLoad.Start(client, 20, TimeSpan.FromMilliseconds(200), firstUser: 40);
        var ready = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            await PollAsync();
            ready.Add((await client.GetAsync("/health/ready")).StatusCode);
        }

        await server.StartAsync();
        var startedAt = first.Now;
        // A second of real time a poll from now: the app tries an unreachable database once per connect timeout (2 s).
        between = TimeSpan.FromSeconds(1);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<HistoryDbContext>>();
        var polls = 0;
        while (!await AllWrittenAsync(contexts, samplesOf1201) && polls < 6)
        {
            await PollAsync();
            polls++;
        }

        var queue = app.Services.GetRequiredService<SessionUpdateQueue>();
        var recorder = app.Services.GetRequiredService<HistoryRecorder>();
        // What the outage logged: not the machine's own CPU alerts (a loaded CI machine fires them) nor data protection's
        // note that its key ring is stored unencrypted.
        var loud = logs.Entries.Where(entry => entry.Level >= LogLevel.Warning
            && entry.Category != "Dashboard.Web.Alerts.AlertMonitor"
            && !entry.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)).ToList();
        output.WriteLine($"written {polls} polls ({polls * Poll.TotalSeconds} s) after PostgreSQL was back; test {test.Elapsed.TotalSeconds:F0} s");
        foreach (var entry in loud)
        {
            output.WriteLine($"{entry.Level} {entry.Category}: {entry.Message}");
        }

        Assert.True(await AllWrittenAsync(contexts, samplesOf1201), "every session and every minute is written within a minute of PostgreSQL's return");
        Assert.All(ready, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal((0, droppedMinutes), (queue.Dropped, recorder.DroppedMinutes));
        Assert.All(first.Between(stoppedAt, startedAt).Concat(joining.Answers), answer => Assert.Equal(200, answer.Status));
        Assert.Single(loud, entry => entry.Level == LogLevel.Error);
        // The error when it starts and at most one reminder a minute of the outage.
        Assert.True(loud.Count <= 3, $"{loud.Count} warnings and errors");
    }

    // Every user's session row, and the minutes 12:00 to 12:02 each from all six of its samples (12:01 from as many as told).
    private static async Task<bool> AllWrittenAsync(IDbContextFactory<HistoryDbContext> contexts, int samplesOf1201)
    {
        try
        {
            await using var context = await contexts.CreateDbContextAsync();
            var sessions = await context.UserSessions.CountAsync(session => session.IsActive);
            var minutes = await context.ConcurrentUsersHistory
                .Where(row => row.Granularity == HistoryGranularity.Minute)
                .ToDictionaryAsync(row => row.BucketStart, row => row.SampleCount);
            return sessions == 60
                && Enumerable.Range(0, 3).All(minute => minutes.GetValueOrDefault(Start.AddSeconds(-5).AddMinutes(minute)) == (minute == 1 ? samplesOf1201 : 6));
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }
}
