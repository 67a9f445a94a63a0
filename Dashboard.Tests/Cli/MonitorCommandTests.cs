using System.Globalization;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary><c>monitor</c> when its output is not a terminal: one line per update, from the stream or by polling.</summary>
public sealed class MonitorCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => _app.PollAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Monitor_NotATerminal_PrintsALinePerEventUntilCancelled()
    {
        var cli = CliHarness.For(_app);
        var output = new LineWriter();
        using var stop = new CancellationTokenSource();

        var run = cli.RunAsync(["monitor"], output, stop.Token);
        var first = await output.WaitForLineAsync(line => line.Contains("users=", StringComparison.Ordinal)).WaitAsync(Patience);
        (await cli.RunAsync("track", "-u", "u1", "-o", "o1", "-s", "s1", "-m", "accounting")).AssertSucceeded();
        await _app.PollAsync();
        var second = await output.WaitForLineAsync(line => line.Contains("users=1 ", StringComparison.Ordinal)).WaitAsync(Patience);
        await stop.CancelAsync();
        var result = await run.WaitAsync(Patience);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z  users=0 sessions=0$", first);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z  users=1 sessions=1  accounting=1$", second);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Monitor_JsonWithCount_PrintsOneObjectPerEventAndStops()
    {
        var result = await CliHarness.For(_app).RunAsync("monitor", "--json", "--count", "1").WaitAsync(Patience);

        Assert.True(result.ExitCode == 0, result.ToString());
        var update = Assert.Single(result.Lines);
        var data = System.Text.Json.JsonDocument.Parse(update).RootElement;
        Assert.Equal(0, data.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, data.GetProperty("modules").ValueKind);
    }

    [Fact]
    public async Task Monitor_StreamRefused_FallsBackToPollingEveryInterval()
    {
        (await CliHarness.For(_app).RunAsync("track", "-u", "u1", "-o", "o1", "-s", "s1", "-m", "tax")).AssertSucceeded();
        await _app.PollAsync();
        var cli = new CliHarness(new BlockRealtimeHandler(_app.Server.CreateHandler()), "http://localhost");

        var result = await cli.RunAsync("monitor", "--interval", "1", "--count", "2").WaitAsync(Patience);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Lines.Count);
        Assert.All(result.Lines, line => Assert.EndsWith("users=1 sessions=1  tax=1", line, StringComparison.Ordinal));
        Assert.Contains("Realtime stream unavailable", result.Error, StringComparison.Ordinal);
        Assert.Contains("polling every 1 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_LiveStoreDown_PrintsTheStoresError()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)},connectTimeout=300,syncTimeout=500,asyncTimeout=500",
        });
        await app.PollAsync();

        var result = await CliHarness.For(app).RunAsync("monitor", "--count", "1").WaitAsync(Patience);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  live store error: ", Assert.Single(result.Lines), StringComparison.Ordinal);
    }
}
