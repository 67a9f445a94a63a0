using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Cli;

/// <summary>
/// <c>peak</c>, <c>average</c> and <c>trend</c> against the real app, over a known series of polls on a fake clock:
/// an empty poll at start, then 2, 3 and 2 users ten seconds apart.
/// </summary>
public sealed class HistoryCommandTests : IAsyncLifetime
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
        _time.Advance(TimeSpan.FromSeconds(10));
        await TrackAsync("u1", "s1", "accounting");
        await TrackAsync("u2", "s2", "accounting");
        await _app.PollAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await TrackAsync("u3", "s3", "tax");
        await _app.PollAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await TrackAsync("u3", "s3", "tax", "--inactive");
        await _app.PollAsync();
        _requests.Clear();
    }

    public async Task DisposeAsync()
    {
        _requests.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Peak_LastHour_PrintsThePeakAndWhen()
    {
        var result = await _cli.RunAsync("peak", "--start", "1h");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Peak concurrent users: 3 at 2026-11-26 12:00:25Z", result.Lines[0]);
        Assert.Equal("Range: 2026-11-26 11:00:35Z to 2026-11-26 12:00:35Z", result.Lines[1]);
        Assert.Equal($"{Api}/peak?start=1h&end=now", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Peak_Defaults_AsksForTheLastDay()
    {
        var result = await _cli.RunAsync("peak");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{Api}/peak?start=24h&end=now", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Peak_ModuleScope_IsPassedOnAndCountsOnlyThatModule()
    {
        var result = await _cli.RunAsync("peak", "--start", "1h", "--module", "tax");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Peak concurrent users: 1 at ", result.Lines[0], StringComparison.Ordinal);
        Assert.Equal($"{Api}/peak?start=1h&end=now&module=tax", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Peak_IsoRange_IsPassedOnEscaped()
    {
        var result = await _cli.RunAsync("peak", "--start", "2026-11-26T11:00:00+00:00", "--end", "now");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{Api}/peak?start=2026-11-26T11%3A00%3A00%2B00%3A00&end=now", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Peak_NoHistoryInRange_SaysSo()
    {
        var result = await _cli.RunAsync("peak", "--start", "2026-11-01T00:00:00Z", "--end", "2026-11-02T00:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Peak concurrent users: 0 (no history in this range)", result.Lines[0]);
    }

    [Fact]
    public async Task Peak_Json_PrintsTheApiData()
    {
        var data = (await _cli.RunAsync("peak", "--start", "1h", "--json")).Json();

        Assert.Equal(3, data.GetProperty("peak_users").GetInt64());
        Assert.Equal(FakeClockApp.Start.AddSeconds(20), data.GetProperty("peak_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Average_StartOnly_EndsNowAndPrintsTheTimeWeightedAverage()
    {
        var result = await _cli.RunAsync("average", "--start", "1h");

        // (0 + 2 + 3 + 2) / 4 polls
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Average concurrent users: 1.8", result.Lines[0]);
        Assert.Equal($"{Api}/average?start=1h&end=now", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Average_Json_PrintsTheApiData()
    {
        var data = (await _cli.RunAsync("average", "--start", "1h", "--json")).Json();

        Assert.Equal(1.75, data.GetProperty("average_users").GetDouble());
    }

    [Fact]
    public async Task Trend_LastHour_DrawsTheSeriesWithItsResolution()
    {
        var result = await _cli.RunAsync("trend", "--start", "1h");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Concurrent users, 1h to now (", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains("resolution", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains(result.Lines, line => line.StartsWith("Min ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trend_Json_PrintsTheApiData()
    {
        var result = await _cli.RunAsync("trend", "--json", "--start", "1h");
        Assert.True(result.ExitCode == 0, result.ToString());
        var data = result.Json();

        Assert.NotEmpty(data.GetProperty("points").EnumerateArray());
        Assert.Equal(3, data.GetProperty("points").EnumerateArray().Max(point => point.GetProperty("max_users").GetInt64()));
        Assert.Equal($"{Api}/trend?start=1h&end=now", Assert.Single(_requests.PathsAndQueries));
    }

    [Fact]
    public async Task Trend_NoHistoryInRange_SaysSo()
    {
        var result = await _cli.RunAsync("trend", "--start", "2026-11-01T00:00:00Z", "--end", "2026-11-02T00:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("No history in this range.", result.Lines[^1]);
    }

    [Fact]
    public async Task Peak_ModuleAndOrganizationTogether_PrintsTheServersRefusalAndExits1()
    {
        var result = await _cli.RunAsync("peak", "--start", "1h", "--module", "tax", "--organization", "acme");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Give module or organization, not both.", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("peak", "--start", "1h", "--end", "2h")]
    [InlineData("peak", "--start", "now", "--end", "now")]
    [InlineData("average", "--start", "yesterday")]
    [InlineData("average", "--start", "1h", "--end", "tomorrow")]
    [InlineData("trend", "--start", "2000d")]
    [InlineData("trend", "--start", "01/15/2024")]
    public async Task History_BadTimeRange_Exits64WithoutAnyCall(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.StartsWith("Error: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(_requests.PathsAndQueries);
    }

    private async Task TrackAsync(string user, string session, string module, params string[] extra)
    {
        var result = await _cli.RunAsync(["track", "-u", user, "-o", "acme", "-s", session, "-m", module, .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
