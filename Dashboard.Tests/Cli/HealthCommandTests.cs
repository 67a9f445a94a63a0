using System.Globalization;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary><c>health</c> as a probe: the spec's lines and exit codes 0 (healthy), 1 (unhealthy) and 2 (unreachable).</summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Health_HealthyOnRedis_PrintsTheSpecLinesAndExits0()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = (await TestServers.RedisAsync()).Endpoint,
            ["Dashboard:Tracking:KeyPrefix"] = $"health-{Guid.NewGuid():N}",
        });
        var cli = CliHarness.For(app);
        (await cli.RunAsync("track", "-u", "u1", "-o", "o1", "-s", "s1", "-m", "accounting")).AssertSucceeded();
        await app.PollAsync();

        var result = await cli.RunAsync("health");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["✓ System is healthy", "✓ Current concurrent users: 1", "✓ Redis connection: OK", "✓ Database connection: OK"],
            result.Lines);
    }

    [Fact]
    public async Task Health_InProcess_NamesTheLiveStoreItUses()
    {
        await using var app = new DashboardApp();
        await app.PollAsync();

        var result = await CliHarness.For(app).RunAsync("health");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("✓ Live store (in-process): OK", result.Lines[2]);
    }

    [Fact]
    public async Task Health_Json_PrintsTheApiDataAndExits0()
    {
        await using var app = new DashboardApp();
        await app.PollAsync();

        var result = await CliHarness.For(app).RunAsync("health", "--json");
        var data = result.Json();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("healthy", data.GetProperty("status").GetString());
        Assert.Contains(data.GetProperty("checks").EnumerateArray(), check => check.GetProperty("name").GetString() == "live_store");
    }

    [Fact]
    public async Task Health_RedisDown_PrintsTheFailingCheckAndExits1()
    {
        await using var app = DeadRedisApp();

        var result = await CliHarness.For(app).RunAsync("health");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("✗ System is unhealthy", result.Lines[0]);
        Assert.Contains(result.Lines, line => line.StartsWith("✗ Redis connection: UNHEALTHY (", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("✓ Redis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_RedisDownJson_PrintsTheDataAndStillExits1()
    {
        await using var app = DeadRedisApp();

        var result = await CliHarness.For(app).RunAsync("health", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("unhealthy", result.Json().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Current_RedisDown_PrintsTheServersErrorAndExits1()
    {
        await using var app = DeadRedisApp();
        await app.PollAsync();

        var result = await CliHarness.For(app).RunAsync("current");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: Live store is unavailable: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("current")]
    [InlineData("monitor")]
    [InlineData("track", "-u", "u1", "-o", "o1", "-s", "s1", "-m", "accounting")]
    public async Task Command_NobodyListening_Exits2(params string[] args)
    {
        var url = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";

        var result = await new CliHarness(null, url).RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Error: cannot reach {url}/", result.Error, StringComparison.Ordinal);
    }

    private static DashboardApp DeadRedisApp() => new(new Dictionary<string, string?>
    {
        ["Dashboard:LiveStore"] = "Redis",
        ["ConnectionStrings:Redis"] = $"127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)},connectTimeout=300,syncTimeout=500,asyncTimeout=500",
    });
}
