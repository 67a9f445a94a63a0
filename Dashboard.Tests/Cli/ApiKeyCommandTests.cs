using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary>The tool's key (<c>--api-key</c> or <c>DASHBOARD_API_KEY</c>) and what it says and returns when the server refuses it.</summary>
public sealed class ApiKeyCommandTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();
    private CliHarness _cli = null!;

    public Task InitializeAsync()
    {
        _cli = CliHarness.For(_app);
        _cli.Environment.Remove("DASHBOARD_API_KEY");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Current_ApiKeyOption_IsSent()
    {
        var result = await _cli.RunAsync("current", "--api-key", TestApiKeys.Viewer);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Current_NoKey_Exits3AndSaysHowToPassOne()
    {
        var result = await _cli.RunAsync("current");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Pass an API key with --api-key or DASHBOARD_API_KEY.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_KeyWithoutIngest_Exits3AndNamesTheScope()
    {
        _cli.Environment["DASHBOARD_API_KEY"] = TestApiKeys.Viewer;

        var result = await _cli.RunAsync("track", "-u", "u1", "-o", "o1", "-s", "s1", "-m", "tax");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("track: ingest", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_KeyWithoutIngest_Exits3AndSaysWhy()
    {
        _cli.Environment["DASHBOARD_API_KEY"] = TestApiKeys.Viewer;

        var result = await _cli.RunAsync("load", "--users", "2", "--duration", "300ms", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(result.Json().GetProperty("requests").GetInt64(), result.Json().GetProperty("refused_requests").GetInt64());
        Assert.Contains("--api-key or DASHBOARD_API_KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_NoKey_Exits3()
    {
        var result = await _cli.RunAsync("monitor", "--count", "1");

        Assert.True(result.ExitCode == 3, result.ToString());
    }
}
