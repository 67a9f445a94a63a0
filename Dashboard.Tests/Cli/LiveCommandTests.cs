using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Cli;

/// <summary>The read and track commands against the real app (in memory, in-process store).</summary>
public sealed class LiveCommandTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();
    private CliHarness _cli = null!;

    public Task InitializeAsync()
    {
        _cli = CliHarness.For(_app);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Track_ThenCurrent_CountsTheTrackedUser()
    {
        var track = await _cli.RunAsync("track", "-u", "user123", "-o", "org456", "-s", "session789", "-m", "accounting");
        await _app.PollAsync();
        var current = await _cli.RunAsync("current");

        Assert.True(track.ExitCode == 0, track.ToString());
        Assert.Equal("✓ Tracked user123 in accounting (organization org456, session session789)", Assert.Single(track.Lines));
        Assert.True(current.ExitCode == 0, current.ToString());
        Assert.Equal("Current concurrent users: 1", current.Lines[0]);
        Assert.Equal("Active sessions: 1", current.Lines[1]);
        Assert.StartsWith("As of: ", current.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_Inactive_EndsTheSession()
    {
        await TrackAsync("u1", "o1", "s1", "accounting");
        var end = await _cli.RunAsync("track", "-u", "u1", "-o", "o1", "-s", "s1", "-m", "accounting", "--inactive");
        await _app.PollAsync();

        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("✓ Ended session s1 of u1", Assert.Single(end.Lines));
        Assert.Equal(0, (await _app.GetDataAsync($"{DashboardApp.Api}/current")).GetProperty("active_sessions").GetInt64());
    }

    [Fact]
    public async Task Current_Json_PrintsTheApiData()
    {
        await TrackAsync("u1", "o1", "s1", "accounting");
        await TrackAsync("u1", "o1", "s2", "tax");
        await _app.PollAsync();

        var result = await _cli.RunAsync("current", "--json");
        var data = result.Json();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, data.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(2, data.GetProperty("active_sessions").GetInt64());
        Assert.True(data.TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task Metrics_Verbose_ShowsWindowModulesOrganizationsAndShares()
    {
        await TrackAsync("u1", "acme", "s1", "accounting");
        await TrackAsync("u2", "acme", "s2", "accounting");
        await TrackAsync("u3", "globex", "s3", "tax");
        await _app.PollAsync();

        var result = await _cli.RunAsync("metrics", "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Concurrent users: 3", result.Lines);
        Assert.Contains("Activity window: 60 s", result.Lines);
        Assert.Contains("Organizations active: 2 (2 listed)", result.Lines);
        Assert.Contains(result.Lines, line => Cells(line) is ["accounting", "2", "66.7%"]);
        Assert.Contains(result.Lines, line => Cells(line) is ["tax", "1", "33.3%"]);
        Assert.Contains(result.Lines, line => Cells(line) is ["acme", "2", "66.7%"]);
    }

    [Fact]
    public async Task Metrics_NotVerbose_LeavesOutWindowAndShares()
    {
        await TrackAsync("u1", "acme", "s1", "accounting");
        await _app.PollAsync();

        var result = await _cli.RunAsync("metrics");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.Lines, line => line.StartsWith("Activity window", StringComparison.Ordinal));
        Assert.Contains(result.Lines, line => Cells(line) is ["accounting", "1"]);
    }

    [Fact]
    public async Task Metrics_JsonWithTop_PrintsTheApiDataCutToTop()
    {
        await TrackAsync("u1", "acme", "s1", "accounting");
        await TrackAsync("u2", "globex", "s2", "accounting");
        await _app.PollAsync();

        var data = (await _cli.RunAsync("metrics", "--json", "--top", "1")).Json();

        Assert.Single(data.GetProperty("organizations").EnumerateArray());
        Assert.Equal(2, data.GetProperty("total_organizations").GetInt32());
        Assert.Equal("accounting", data.GetProperty("modules")[0].GetProperty("module_id").GetString());
    }

    [Fact]
    public async Task Module_Tracked_PrintsItsUsers()
    {
        await TrackAsync("u1", "o1", "s1", "accounting");
        await TrackAsync("u2", "o1", "s2", "accounting");
        await _app.PollAsync();

        var text = await _cli.RunAsync("module", "accounting");
        var json = (await _cli.RunAsync("module", "accounting", "--json")).Json();

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal("Module accounting: 2 concurrent users", text.Lines[0]);
        Assert.Equal(2, json.GetProperty("concurrent_users").GetInt64());
    }

    [Fact]
    public async Task Organization_Tracked_PrintsUsersByModule()
    {
        await TrackAsync("u1", "org123", "s1", "accounting");
        await TrackAsync("u2", "org123", "s2", "tax");
        await TrackAsync("u3", "other", "s3", "tax");
        await _app.PollAsync();

        var text = await _cli.RunAsync("organization", "org123");
        var json = (await _cli.RunAsync("organization", "org123", "--json")).Json();

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal("Organization org123: 2 concurrent users", text.Lines[0]);
        Assert.Contains(text.Lines, line => Cells(line) is ["accounting", "1", "50.0%"]);
        Assert.Contains(text.Lines, line => Cells(line) is ["tax", "1", "50.0%"]);
        Assert.Equal(2, json.GetProperty("modules").GetArrayLength());
    }

    [Fact]
    public async Task Sessions_FilteredByModule_ListsOnlyThoseSessions()
    {
        await TrackAsync("u1", "o1", "s1", "accounting");
        await TrackAsync("u2", "o1", "s2", "tax");

        var text = await _cli.RunAsync("sessions", "--module", "tax");
        var json = (await _cli.RunAsync("sessions", "--module", "tax", "--json")).Json();

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains(text.Lines, line => Cells(line) is ["s2", "u2", "o1", "tax", ..]);
        Assert.DoesNotContain(text.Lines, line => line.Contains("s1", StringComparison.Ordinal));
        Assert.Equal("Sessions 1-1 of 1", text.Lines[^1]);
        Assert.Equal("s2", Assert.Single(json.GetProperty("sessions").EnumerateArray()).GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Track_InvalidId_PrintsTheServersMessageAndExits1()
    {
        var result = await _cli.RunAsync("track", "-u", "user 123", "-o", "org456", "-s", "session789", "-m", "accounting");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("Error: Invalid input", result.Error, StringComparison.Ordinal);
        Assert.Contains("userId: userId may contain only letters, digits and . _ : @ -", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Module_InvalidId_PrintsTheServersMessageAndExits1()
    {
        var result = await _cli.RunAsync("module", "no such module!");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("id may contain only letters", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("track", "-u", "u1", "-o", "o1", "-s", "s1")]
    [InlineData("module")]
    [InlineData("no-such-command")]
    [InlineData("current", "--url", "ftp://example.invalid")]
    [InlineData("monitor", "--interval", "0")]
    [InlineData("load", "--duration", "soon")]
    [InlineData("load", "--batch-size", "1001")]
    public async Task Command_BadUsage_Exits64WithoutAnyCall(params string[] args)
    {
        var recording = new RecordingHandler(_app.Server.CreateHandler());
        var cli = new CliHarness(recording, "http://localhost");

        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.StartsWith("Error: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(recording.Paths);
    }

    [Fact]
    public async Task Current_DebugStar_LogsEachHttpCallToStandardError()
    {
        await _app.PollAsync();
        _cli.Environment["DEBUG"] = "*";

        var result = await _cli.RunAsync("current");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^\[http\] GET http://localhost/api/concurrent-users/current -> 200 OK \(\d+ ms\)\s*$", result.Error);
        Assert.DoesNotContain("[http]", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aibos:*")]
    [InlineData("express,http")]
    public void DebugHttpLog_NamedInDebug_IsEnabled(string debug) => Assert.True(Dashboard.Cli.DebugHttpLog.IsEnabled(debug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("express")]
    public void DebugHttpLog_NotNamedInDebug_IsDisabled(string? debug) => Assert.False(Dashboard.Cli.DebugHttpLog.IsEnabled(debug));

    [Fact]
    public async Task Current_UrlOption_TakesPrecedenceOverTheEnvironment()
    {
        await _app.PollAsync();
        _cli.Environment["DASHBOARD_URL"] = "http://127.0.0.1:1";
        _cli.Environment["DEBUG"] = "http";

        var result = await _cli.RunAsync("current", "--url", "http://localhost");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("GET http://localhost/api/concurrent-users/current", result.Error, StringComparison.Ordinal);
    }

    private async Task TrackAsync(string user, string organization, string session, string module)
    {
        var result = await _cli.RunAsync("track", "-u", user, "-o", organization, "-s", session, "-m", module);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    // A table row as its cells: Spectre pads columns with spaces.
    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
