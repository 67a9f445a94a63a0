using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Data;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dashboard.Tests.Faults;

/// <summary>
/// PostgreSQL that takes connections and never answers (its postmaster stalled with SIGSTOP, as a host behind a
/// firewall that drops packets): a connection gives up after <c>Dashboard:Database:ConnectTimeout</c> (2 s by default),
/// not Npgsql's 15 s, and for as long again the next ones fail at once, so a probe, a request or a poll waits one
/// connect timeout at most, however many connections it opens.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class PostgresUnreachableFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Postgres_AcceptsAndNeverAnswers_ProbesRequestsAndPollsGiveUpAfterTheConnectTimeout()
    {
        var test = Stopwatch.StartNew();
        using var server = await TestServers.StartPostgresAsync("unreachable");
        await using var database = await PostgresTestDatabase.CreateAsync(server);
        await server.StallAsync();
        try
        {
            await using var app = new DashboardApp(new Dictionary<string, string?>(database.Settings)
            {
                ["Dashboard:Database:MigrateOnStart"] = "false",
                ["Dashboard:Tracking:PollInterval"] = "01:00:00",
            });
            using var client = app.CreateClient();

            var ready = await TimeAsync(async () => Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode));
            var readyAgain = await TimeAsync(async () => Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode));
            var history = await TimeAsync(async () => Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync($"{DashboardApp.Api}/peak?start=1h")).StatusCode));
            var poll = await TimeAsync(() => app.Services.GetRequiredService<MetricsPoller>().PollOnceAsync(default));
            var track = await TimeAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(
                $"{DashboardApp.Api}/track", System.Net.Http.Json.JsonContent.Create(new { userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "m1" }))).StatusCode));

            output.WriteLine($"ready {ready.TotalSeconds:F1} s, again {readyAgain.TotalSeconds:F1} s, history {history.TotalSeconds:F1} s, poll {poll.TotalSeconds:F1} s, track {track.TotalMilliseconds:F0} ms; test {test.Elapsed.TotalSeconds:F0} s");
            // A margin for a machine whose cores the tests share: Npgsql's own connect timeout was 15 s.
            var slack = TimeSpan.FromSeconds(3);
            Assert.True(ready < ConnectTimeout + slack, $"/health/ready took {ready.TotalSeconds:F1} s");
            Assert.True(readyAgain < ConnectTimeout + slack, $"/health/ready took {readyAgain.TotalSeconds:F1} s the second time");
            Assert.True(history < ConnectTimeout + slack, $"a history request took {history.TotalSeconds:F1} s");
            // A poll opens connections for history, resources and alerts: only the first waits.
            Assert.True(poll < ConnectTimeout + slack, $"a poll took {poll.TotalSeconds:F1} s");
            Assert.True(track < TimeSpan.FromSeconds(1), $"a heartbeat took {track.TotalMilliseconds:F0} ms");
        }
        finally
        {
            await server.ResumeAsync();
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        return clock.Elapsed;
    }
}
