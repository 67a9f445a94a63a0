using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Cli;

/// <summary>
/// <c>performance</c> against the real app, over minutes recorded on a fake clock: 4 requests in tax (one an error),
/// then 2 in payroll a minute later.
/// </summary>
public sealed class PerformanceCommandTests : IAsyncLifetime
{
    private const string Api = "/api/concurrent-users";

    private readonly FakeTimeProvider _time = new(FakeClockApp.Start);
    private DashboardApp _app = null!;
    private RecordingHandler _requests = null!;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        _app = await FakeClockApp.StartAsync(_time);
        _requests = new RecordingHandler(_app.Server.CreateHandler());
        _cli = new CliHarness(_requests, "http://localhost");
        await TrackAsync(("tax", 100, false), ("tax", 100, false), ("tax", 200, false), ("tax", 400, true));
        await _app.PollAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await TrackAsync(("payroll", 50, false), ("payroll", 50, false));
        await _app.PollAsync();
        _requests.Clear();
    }

    public async Task DisposeAsync()
    {
        _requests.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Performance_LastHour_PrintsTheFiguresAndATableOfModules()
    {
        var result = await _cli.RunAsync("performance");

        result.AssertSucceeded();
        Assert.Equal("Requests: 6, errors: 1 (16.67%)", result.Lines[0]);
        Assert.Matches(@"^Response times: P50 \d+\.\d ms, P95 \d+\.\d ms, P99 \d+\.\d ms$", result.Lines[1]);
        Assert.Equal("Range: 2026-11-26 11:01:05Z to 2026-11-26 12:01:05Z", result.Lines[2]);
        Assert.Contains(result.Lines, line => line.StartsWith("tax ", StringComparison.Ordinal) && line.Contains("25.00%", StringComparison.Ordinal));
        Assert.Contains(result.Lines, line => line.StartsWith("payroll ", StringComparison.Ordinal));
        Assert.Equal($"{Api}/performance?start=1h&end=now", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Performance_Module_IsPassedOnAndPrintsOnlyItsFigures()
    {
        var result = await _cli.RunAsync("performance", "--start", "2h", "--module", "payroll");

        result.AssertSucceeded();
        Assert.Equal("Requests: 2, errors: 0 (0.00%)", result.Lines[0]);
        Assert.Equal(3, result.Lines.Count);
        Assert.Equal($"{Api}/performance?start=2h&end=now&module=payroll", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Performance_NoRequestsInRange_SaysSo()
    {
        var result = await _cli.RunAsync("performance", "--start", "2026-11-01T00:00:00Z", "--end", "2026-11-02T00:00:00Z");

        result.AssertSucceeded();
        Assert.Equal("Requests: 0, errors: 0 (0.00%)", result.Lines[0]);
        Assert.Equal("Response times: none (no requests in this range)", result.Lines[1]);
    }

    [Fact]
    public async Task Performance_Json_PrintsTheApiData()
    {
        var result = await _cli.RunAsync("performance", "--json");
        result.AssertSucceeded();
        var data = result.Json();

        Assert.Equal(6, data.GetProperty("requests").GetInt64());
        Assert.Equal(0.1667, data.GetProperty("error_rate").GetDouble());
        Assert.Contains(data.GetProperty("modules").EnumerateArray(), module => module.GetProperty("module_id").GetString() == "tax");
    }

    [Theory]
    [InlineData("performance", "--start", "now", "--end", "1h")]
    [InlineData("performance", "--start", "yesterday")]
    [InlineData("performance", "--organization", "acme")]
    public async Task Performance_BadArguments_Exit64WithoutAnyCall(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.StartsWith("Error: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(_requests.PathsAndQueries);
    }

    private async Task TrackAsync(params (string Module, double ResponseTimeMs, bool IsError)[] requests)
    {
        using var client = _app.CreateClient();
        var activities = requests.Select((request, i) => new
        {
            userId = $"u{i}", organizationId = "acme", sessionId = $"{request.Module}-{i}", moduleId = request.Module,
            responseTimeMs = request.ResponseTimeMs, isError = request.IsError,
        });
        (await client.PostAsJsonAsync($"{Api}/track/batch", new { activities })).EnsureSuccessStatusCode();
    }
}
