using System.Net;
using Dashboard.Tests.Infrastructure;
using Npgsql;
using StackExchange.Redis;

namespace Dashboard.Tests.Auth;

/// <summary>
/// Two instances on the same stores, as behind a load balancer, each a real Kestrel process: the antiforgery token and
/// the sign-in cookie one issues are good on the other, because the data-protection keys are shared (in Redis when it
/// is the live store, in the history database otherwise).
/// </summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task TwoInstances_OnRedis_AcceptEachOthersTokenAndCookie()
    {
        var redis = await TestServers.RedisAsync();
        var postgres = await TestServers.PostgresAsync();
        var prefix = $"keys-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.Endpoint,
            ["Dashboard:Tracking:KeyPrefix"] = prefix,
            ["Dashboard:HistoryStore"] = "Postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync($"keys_{Guid.NewGuid():N}"),
        };

        await SignInOnOneUseOnTheOtherAsync(settings);

        var database = (await TestRedis.SingleAsync()).GetDatabase();
        Assert.True(await database.ListLengthAsync(new RedisKey($"{prefix}:data-protection-keys")) > 0);
        Assert.Equal(0, await CountDatabaseKeysAsync(settings["ConnectionStrings:Postgres"]));
    }

    [Fact]
    public async Task TwoInstances_InProcessLiveStore_ShareKeysInTheHistoryDatabase()
    {
        var postgres = await TestServers.PostgresAsync();
        var settings = new Dictionary<string, string>
        {
            ["Dashboard:HistoryStore"] = "Postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync($"keys_{Guid.NewGuid():N}"),
        };

        await SignInOnOneUseOnTheOtherAsync(settings);

        Assert.True(await CountDatabaseKeysAsync(settings["ConnectionStrings:Postgres"]) > 0);
    }

    private static async Task SignInOnOneUseOnTheOtherAsync(Dictionary<string, string> settings)
    {
        // One at a time: the second finds the first's key ring instead of racing it to make one.
        await using var first = await RunningApp.StartAsync(settings);
        await using var second = await RunningApp.StartAsync(settings);
        var jar = new CookieJar();
        using var onFirst = jar.Client(first.Address);
        using var onSecond = jar.Client(second.Address);

        // The form and its antiforgery cookie come from the first; the post, with them, goes to the second.
        var page = await (await onFirst.GetAsync("/login")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, page);
        var signIn = await onSecond.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = TestApiKeys.AdminUser,
            ["Input.Password"] = TestApiKeys.AdminPassword,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
            ["_handler"] = "login",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(jar.Has("dashboard.auth"), "The second instance set no sign-in cookie.");
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/alerts")).StatusCode);
    }

    private static async Task<long> CountDatabaseKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
