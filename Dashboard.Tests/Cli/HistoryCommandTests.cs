using System.Globalization;
using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary>
/// <c>peak</c>, <c>average</c> and <c>trend</c>: the time range is checked before any call, and the answers (from a
/// stub of those three endpoints until the app serves them) are printed as text or passed on as JSON.
/// </summary>
public sealed class HistoryCommandTests : IAsyncLifetime
{
    private const string Peak = """
        {"success":true,"data":{"peak_users":512,"peak_at":"2024-01-15T10:30:00Z","start":"2024-01-14T12:00:00Z","end":"2024-01-15T12:00:00Z"}}
        """;

    private const string Average = """
        {"success":true,"data":{"average_users":123.456,"start":"2024-01-15T11:00:00Z","end":"2024-01-15T12:00:00Z"}}
        """;

    private readonly DashboardApp _app = new();
    private HistoryStubHandler _history = null!;
    private CliHarness _cli = null!;

    public Task InitializeAsync()
    {
        _history = new HistoryStubHandler(_app.Server.CreateHandler())
            .Answer("peak", Peak)
            .Answer("average", Average)
            .Answer("trend", Trend(24));
        _cli = new CliHarness(_history, "http://localhost");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Peak_Defaults_AsksForTheLastDayAndPrintsThePeakAndWhen()
    {
        var result = await _cli.RunAsync("peak");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Peak concurrent users: 512 at 2024-01-15 10:30:00Z", "Range: 2024-01-14 12:00:00Z to 2024-01-15 12:00:00Z"], result.Lines);
        Assert.Equal("peak?start=24h&end=now", Assert.Single(_history.Queries));
    }

    [Fact]
    public async Task Peak_RangeAndScope_ArePassedOnEscaped()
    {
        var result = await _cli.RunAsync("peak", "--start", "2024-01-14T12:00:00+01:00", "--end", "now", "--module", "accounting", "--organization", "org456");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("peak?start=2024-01-14T12%3A00%3A00%2B01%3A00&end=now&module=accounting&organization=org456", Assert.Single(_history.Queries));
    }

    [Fact]
    public async Task Peak_NoHistoryInRange_SaysSo()
    {
        _history.Answer("peak", """{"success":true,"data":{"peak_users":0,"peak_at":null,"start":"2024-01-14T12:00:00Z","end":"2024-01-15T12:00:00Z"}}""");

        var result = await _cli.RunAsync("peak", "--start", "7d");

        Assert.Equal("Peak concurrent users: 0 (no history in this range)", result.Lines[0]);
    }

    [Fact]
    public async Task Peak_Json_PrintsTheApiData()
    {
        var data = (await _cli.RunAsync("peak", "--json")).Json();

        Assert.Equal(512, data.GetProperty("peak_users").GetInt64());
        Assert.Equal("2024-01-15T10:30:00Z", data.GetProperty("peak_at").GetString());
    }

    [Fact]
    public async Task Average_StartOnly_EndsNowAndPrintsTheAverage()
    {
        var result = await _cli.RunAsync("average", "--start", "1h");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Average concurrent users: 123.5", result.Lines[0]);
        Assert.Equal("average?start=1h&end=now", Assert.Single(_history.Queries));
    }

    [Fact]
    public async Task Trend_Rising_DrawsASparklineBarsAndTheChange()
    {
        var result = await _cli.RunAsync("trend");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Concurrent users, 24h to now (24 points, resolution 1h)", result.Lines[0]);
        Assert.Equal("▁▁▂▂▂▃▃▃▃▄▄▄▅▅▅▆▆▆▆▇▇▇██", result.Lines[1]);
        Assert.Equal("Min 100  Max 330  Last 330  Change +12.5%", result.Lines[2]);
        // Twelve bars of two hours each, labelled with their start, the last one the longest.
        var bars = result.Lines.Skip(3).ToList();
        Assert.Equal(12, bars.Count);
        Assert.StartsWith("00:00", bars[0], StringComparison.Ordinal);
        Assert.StartsWith("22:00", bars[^1], StringComparison.Ordinal);
        Assert.EndsWith("325", bars[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_Json_PrintsTheApiData()
    {
        var data = (await _cli.RunAsync("trend", "--json", "--start", "7d")).Json();

        Assert.Equal(24, data.GetProperty("points").GetArrayLength());
        Assert.Equal(12.5, data.GetProperty("change_percent").GetDouble());
        Assert.Equal("trend?start=7d&end=now", Assert.Single(_history.Queries));
    }

    [Fact]
    public async Task Trend_NoPoints_SaysSo()
    {
        _history.Answer("trend", Trend(0));

        var result = await _cli.RunAsync("trend");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("No history in this range.", result.Lines[^1]);
    }

    [Fact]
    public async Task Peak_ServerRefuses_PrintsItsMessageAndExits1()
    {
        _history.Answer("peak", """{"success":false,"error":"Invalid time range","details":"History is kept for 5 years."}""", HttpStatusCode.BadRequest);

        var result = await _cli.RunAsync("peak", "--start", "30d");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: Invalid time range: History is kept for 5 years.", result.Error.Trim());
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
        Assert.Empty(_history.Queries);
    }

    // Hourly points over one day, rising by 10 users an hour from 100.
    private static string Trend(int count)
    {
        var points = Enumerable.Range(0, count).Select(hour => string.Create(
            CultureInfo.InvariantCulture, $$"""{"timestamp":"2024-01-15T{{hour:00}}:00:00Z","concurrent_users":{{100 + (10 * hour)}}}"""));
        return $$$"""{"success":true,"data":{"points":[{{{string.Join(',', points)}}}],"change_percent":12.5,"resolution":"1h"}}""";
    }
}
