using System.Globalization;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary>The tool as a real process against the real app as a real process: exit codes and signals end to end.</summary>
public sealed class CliProcessTests(RunningAppFixture app) : IClassFixture<RunningAppFixture>
{
    private Dictionary<string, string> Environment => new() { ["DASHBOARD_URL"] = app.Address.ToString(), ["DASHBOARD_API_KEY"] = TestApiKeys.Default };

    [Fact]
    public async Task Health_RealProcessHealthyApp_PrintsTheSpecLinesAndExits0()
    {
        var result = await CliProcess.RunAsync(Environment, "health");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("✓ System is healthy", result.Lines[0]);
        Assert.StartsWith("✓ Current concurrent users: ", result.Lines[1], StringComparison.Ordinal);
        Assert.Equal("✓ Live store (in-process): OK", result.Lines[2]);
    }

    [Fact]
    public async Task Track_RealProcessInvalidId_PrintsTheServersMessageAndExits1()
    {
        var result = await CliProcess.RunAsync(Environment, "track", "-u", "user 1", "-o", "o1", "-s", "s1", "-m", "accounting");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("userId: userId may contain only letters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_RealProcessNobodyListening_Exits2()
    {
        var url = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";

        var result = await CliProcess.RunAsync(null, "health", "--url", url);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cannot reach", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peak_RealProcessBadTimeRange_Exits64()
    {
        var result = await CliProcess.RunAsync(Environment, "peak", "--start", "now", "--end", "24h");

        Assert.True(result.ExitCode == 64, result.ToString());
        // The server's own parser words it, so the CLI refuses exactly what the server would.
        Assert.StartsWith("Error: start (", result.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains("must be before end (", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_RealProcessTerminated_StopsCleanlyWithExit0()
    {
        using var monitor = CliProcess.Start(Environment, "monitor");
        var error = monitor.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var first = await monitor.StandardOutput.ReadLineAsync(timeout.Token);
        await ChildProcess.RunAsync("kill", "-TERM", monitor.Id.ToString(CultureInfo.InvariantCulture));
        await monitor.WaitForExitAsync(timeout.Token);

        Assert.Contains("users=", first, StringComparison.Ordinal);
        Assert.True(monitor.ExitCode == 0, $"exit {monitor.ExitCode}: {await error}");
    }
}
