using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Dashboard.Tests.Api;

/// <summary>
/// A Redis that was up and is killed, with the client's default timeouts: callers learn it at once, in short words,
/// without the Redis client's diagnostics.
/// </summary>
public sealed class RedisKilledApiTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _redis = await TestServers.StartRedisAsync("killed");
        _app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = _redis.Endpoint,
        });
        using var client = _app.CreateClient();
        var track = await client.PostAsJsonAsync($"{DashboardApp.Api}/track", Activity());
        Assert.Equal(HttpStatusCode.OK, track.StatusCode);

        _redis.Dispose();
        var redis = _app.Services.GetRequiredService<IConnectionMultiplexer>();
        await Eventually.HoldsAsync(() => !redis.IsConnected, "the client sees Redis gone");
        await _app.PollAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _redis.Dispose();
    }

    [Theory]
    [InlineData("POST", "/track")]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/sessions")]
    [InlineData("GET", "/organization/org-1")]
    public async Task Endpoint_RedisKilled_AnswersWithinASecond(string method, string path)
    {
        using var client = _app.CreateClient();

        var stopwatch = Stopwatch.StartNew();
        var response = await SendAsync(client, method, path);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"{method} {path} took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Theory]
    [InlineData("POST", "/track")]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/sessions")]
    [InlineData("GET", "/organization/org-1")]
    [InlineData("GET", "/module/m1")]
    [InlineData("GET", "/current")]
    public async Task Endpoint_RedisKilled_TellsNoClientDiagnostics(string method, string path)
    {
        using var client = _app.CreateClient();

        var body = await (await SendAsync(client, method, path)).Content.ReadAsStringAsync();

        Assert.DoesNotContain(_redis.Endpoint, body, StringComparison.Ordinal);
        Assert.DoesNotContain("StackExchange", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("IOCP", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Poll_RedisKilled_PublishesAShortLiveStoreError()
    {
        var poll = _app.Services.GetRequiredService<MetricsHub>().Latest!;

        Assert.Equal("Live store is unavailable", poll.LiveStoreError);
        Assert.Null(poll.HistoryStoreError);
    }

    private static object Activity() => new { userId = "u1", organizationId = "org-1", sessionId = "s1", moduleId = "m1" };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) => method == "POST"
        ? client.PostAsJsonAsync(DashboardApp.Api + path, Activity())
        : client.GetAsync(DashboardApp.Api + path);
}
