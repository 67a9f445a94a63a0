using System.Diagnostics;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Dashboard.Tests.Faults;

/// <summary>
/// The app on the embedded default (in-process live store, SQLite) as its own process, SIGKILLed under load and
/// started again on the same port and data folder: the SQLite file is whole, what was written before the kill is
/// there, and the live counts are back within one activity window once the clients heartbeat again.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class AppKilledFaultTests(ITestOutputHelper output)
{
    private const int Users = 20;
    private static readonly TimeSpan ActivityWindow = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task App_KilledUnderLoadAndStartedAgain_SqliteWholeAndCountsBackWithinAWindow()
    {
        var test = Stopwatch.StartNew();
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:Tracking:PollInterval"] = "00:00:01",
            ["Dashboard:Persistence:FlushInterval"] = "00:00:01",
        });
        var file = Path.Combine(app.DataFolder, "dashboard.db");
        using var client = app.CreateClient();
        await using var load = TrackLoad.Start(client, Users, TimeSpan.FromMilliseconds(500));
        await FaultProbe.TimeUntilAsync(() => FaultProbe.CountsRightAsync(client, load), TimeSpan.FromSeconds(30), "every user counted");
        await FaultProbe.TimeUntilAsync(
            async () => await CountAsync(file, "user_sessions") == Users && await CountAsync(file, "concurrent_users_history") > 0,
            TimeSpan.FromSeconds(30), "sessions and a minute row written");
        var before = (Sessions: await CountAsync(file, "user_sessions"), Minutes: await CountAsync(file, "concurrent_users_history"));

        await app.KillAsync();
        var integrity = await QueryAsync(file, "PRAGMA integrity_check");
        var after = (Sessions: await CountAsync(file, "user_sessions"), Minutes: await CountAsync(file, "concurrent_users_history"));
        var restart = Stopwatch.StartNew();
        await app.StartAgainAsync();
        var started = restart.Elapsed;
        var back = await FaultProbe.TimeUntilAsync(() => FaultProbe.CountsRightAsync(client, load), ActivityWindow, "counts right after the restart");

        output.WriteLine($"before the kill {before}, after {after}; integrity {integrity}; serving again after {started.TotalSeconds:F1} s, counts right {back.TotalSeconds:F1} s later; test {test.Elapsed.TotalSeconds:F0} s");
        Assert.Equal("ok", integrity);
        Assert.Equal(before.Sessions, after.Sessions);
        Assert.True(after.Minutes >= before.Minutes, $"{before.Minutes} minute rows before the kill, {after.Minutes} after");
    }

    private static async Task<long> CountAsync(string file, string table) =>
        Convert.ToInt64(await QueryAsync(file, $"SELECT count(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    // A connection of its own, not pooled, so the file is not held open across the kill and restart.
    private static async Task<string> QueryAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
