using System.Globalization;
using System.Text.Json;
using Dashboard.Cli.Commands;
using Dashboard.Cli.Load;
using Dashboard.Client;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary><c>load</c> against the real app: every event it sends is accounted for, and the server agrees.</summary>
public sealed class LoadCommandTests
{
    private static readonly string[] ThreeModules = ["accounting", "invoicing", "payroll"];

    [Fact]
    public async Task Load_SmallRun_EveryEventSentIsAcceptedAndEveryUserIsLive()
    {
        await using var app = new DashboardApp();

        var result = await CliHarness.For(app).RunAsync(
            "load", "--users", "20", "--duration", "3s", "--ramp-up", "1s", "--heartbeat", "1s", "--batch-size", "7",
            "--modules", "3", "--organizations", "4", "--run-id", "acct", "--seed", "42", "--json");
        await app.PollAsync();
        var report = result.Json();
        var current = await app.GetDataAsync($"{DashboardApp.Api}/current");
        var sessions = await app.GetDataAsync($"{DashboardApp.Api}/sessions?limit=100");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = report.GetProperty("events_sent").GetInt64();
        Assert.Equal(sent, report.GetProperty("events_accepted").GetInt64());
        Assert.Equal(0, report.GetProperty("failed_requests").GetInt64());
        Assert.Equal(20, report.GetProperty("users_started").GetInt32());
        // Each user starts within the first second and beats every 0.9 to 1.1 s until the third: 2 to 4 heartbeats each.
        Assert.InRange(sent, 40, 80);
        Assert.True(report.GetProperty("requests").GetInt64() * 7 >= sent, "No batch holds more than --batch-size events.");
        Assert.True(report.GetProperty("latency_ms").GetProperty("p50").GetDouble() > 0);
        Assert.Equal(20, current.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(20, current.GetProperty("active_sessions").GetInt64());
        Assert.Equal(20, sessions.GetProperty("total").GetInt64());
        Assert.All(sessions.GetProperty("sessions").EnumerateArray(), session =>
        {
            Assert.StartsWith("load-acct-session-", session.GetProperty("session_id").GetString(), StringComparison.Ordinal);
            Assert.Contains(session.GetProperty("module_id").GetString(), ThreeModules);
        });
    }

    [Fact]
    public async Task Load_EndSessions_LeavesNoSessionBehind()
    {
        await using var app = new DashboardApp();

        var result = await CliHarness.For(app).RunAsync(
            "load", "--users", "5", "--duration", "1s", "--ramp-up", "0s", "--heartbeat", "2s", "--end-sessions", "--json");
        await app.PollAsync();
        var report = result.Json();

        Assert.True(result.ExitCode == 0, result.ToString());
        // One heartbeat and one end per user.
        Assert.Equal(10, report.GetProperty("events_sent").GetInt64());
        Assert.Equal(10, report.GetProperty("events_accepted").GetInt64());
        Assert.Equal(0, (await app.GetDataAsync($"{DashboardApp.Api}/current")).GetProperty("active_sessions").GetInt64());
    }

    [Fact]
    public async Task Load_Text_EndsWithTheSummary()
    {
        await using var app = new DashboardApp();

        var result = await CliHarness.For(app).RunAsync("load", "--users", "3", "--duration", "500ms", "--heartbeat", "1s");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Load run ", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains("Users started:    3 of 3", result.Lines);
        Assert.Contains("Events sent:      3", result.Lines);
        Assert.Contains("Events accepted:  3", result.Lines);
        Assert.Contains(result.Lines, line => line.StartsWith("Throughput:", StringComparison.Ordinal) && line.Contains("events/s", StringComparison.Ordinal));
        Assert.Contains(result.Lines, line => line.StartsWith("Latency:          p50 ", StringComparison.Ordinal) && line.Contains("p99", StringComparison.Ordinal));
        Assert.Equal("Errors:           none", result.Lines[^1]);
    }

    [Fact]
    public async Task LoadRunner_ServerRefusesEveryBatch_CountsEachRequestAsFailed()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)},connectTimeout=300,syncTimeout=500,asyncTimeout=500",
        });
        using var http = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        var plan = new LoadPlan { Users = 4, Duration = TimeSpan.FromSeconds(1), RampUp = TimeSpan.Zero, Heartbeat = TimeSpan.FromSeconds(2), BatchSize = 2 };

        var report = await new LoadRunner(new ConcurrentUsersClient(http, TestApiKeys.Default), TimeProvider.System).RunAsync(plan, null, CancellationToken.None);

        Assert.Equal(4, report.EventsSent);
        Assert.Equal(0, report.EventsAccepted);
        Assert.Equal(2, report.Requests);
        Assert.Equal(2, report.FailedRequests);
        Assert.Equal(0, report.UnreachableRequests);
        var (error, count) = Assert.Single(report.Errors);
        Assert.Equal("HTTP 503: Live store is unavailable", error);
        Assert.Equal(2, count);
        Assert.Equal(1, LoadCommand.ExitCode(report));
    }

    [Fact]
    public async Task LoadRunner_OverTheIngestLimit_WaitsForRetryAfterAndSendsAgainSoEveryEventIsAccepted()
    {
        // A bucket of 1,000 tokens, full again a second later: the third batch of 500 sent at once is over it.
        await using var app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:RateLimits:Ingest:Tokens"] = "1000",
            ["Dashboard:RateLimits:Ingest:Period"] = "00:00:01",
            ["Dashboard:RateLimits:Ingest:Burst"] = "1000",
        });
        using var http = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        var plan = new LoadPlan
        {
            Users = 1500, Duration = TimeSpan.FromMilliseconds(500), RampUp = TimeSpan.Zero, Heartbeat = TimeSpan.FromMinutes(1), BatchSize = 500, Concurrency = 3,
        };

        var report = await new LoadRunner(new ConcurrentUsersClient(http, TestApiKeys.Ingest), TimeProvider.System).RunAsync(plan, null, CancellationToken.None);

        Assert.Equal(1500, report.EventsSent);
        Assert.Equal(1500, report.EventsAccepted);
        Assert.Equal(0, report.FailedRequests);
        Assert.Empty(report.Errors);
        Assert.InRange(report.RateLimitedAnswers, 1, LoadRunner.MaxTries - 1);
        Assert.True(report.Elapsed >= TimeSpan.FromSeconds(1), $"The run took {report.Elapsed}: it did not wait for Retry-After (1 s).");
        Assert.Equal(0, LoadCommand.ExitCode(report));
    }

    [Fact]
    public async Task Load_NobodyListening_Exits2()
    {
        var url = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";

        var result = await new CliHarness(null, url).RunAsync("load", "--users", "2", "--duration", "300ms", "--json");
        var report = result.Json();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(report.GetProperty("requests").GetInt64(), report.GetProperty("unreachable_requests").GetInt64());
        Assert.Equal(0, report.GetProperty("events_accepted").GetInt64());
    }

    [Fact]
    public async Task LoadRunner_Cancelled_StopsEarlyAndStillAccountsForWhatItSent()
    {
        await using var app = new DashboardApp();
        using var http = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        var plan = new LoadPlan { Users = 10, Duration = TimeSpan.FromMinutes(5), RampUp = TimeSpan.Zero, Heartbeat = TimeSpan.FromSeconds(1) };
        using var stop = new CancellationTokenSource();

        var report = await new LoadRunner(new ConcurrentUsersClient(http, TestApiKeys.Default), TimeProvider.System).RunAsync(
            plan, progress => { if (progress.EventsAccepted >= 10) { stop.Cancel(); } }, stop.Token);

        Assert.True(report.Interrupted);
        Assert.True(report.Elapsed < TimeSpan.FromMinutes(1));
        Assert.Equal(report.EventsSent, report.EventsAccepted);
        Assert.True(report.EventsSent >= 10);
    }

    [Fact]
    public void ZipfSampler_Skewed_FavoursTheFirstRanks()
    {
        var sampler = new ZipfSampler(10, 1.0);
        var random = new Random(7);
        var counts = new int[10];
        for (var draw = 0; draw < 10_000; draw++)
        {
            counts[sampler.Sample(random)]++;
        }

        // Zipf with s = 1 over 10 ranks: the first takes about 34%, the last about 3.4%.
        Assert.InRange(counts[0], 3_100, 3_700);
        Assert.InRange(counts[9], 200, 500);
        Assert.True(counts[0] > counts[1] && counts[1] > counts[4]);
    }

    [Fact]
    public void ZipfSampler_NoSkew_IsUniform()
    {
        var sampler = new ZipfSampler(4, 0);
        var random = new Random(7);
        var counts = new int[4];
        for (var draw = 0; draw < 8_000; draw++)
        {
            counts[sampler.Sample(random)]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 1_800, 2_200));
    }

    [Fact]
    public void LatencySummary_OneToHundred_TakesNearestRanks()
    {
        var summary = LatencySummary.From([.. Enumerable.Range(1, 100).Select(value => (double)value)]);

        Assert.Equal(new LatencySummary(50, 95, 99, 100), summary);
    }

    [Fact]
    public void LoadReport_Json_UsesSnakeCase()
    {
        var report = new LoadReport("r", 1, 2, 2, 1, 0, 0, 0, 0, TimeSpan.FromSeconds(2), new LatencySummary(1, 2, 3, 4), new Dictionary<string, long>(), false);

        var json = JsonSerializer.SerializeToElement(report, ApiJson.Responses);

        Assert.Equal(1.0, json.GetProperty("events_per_second").GetDouble());
        Assert.Equal(3, json.GetProperty("latency_ms").GetProperty("p99").GetDouble());
    }
}
