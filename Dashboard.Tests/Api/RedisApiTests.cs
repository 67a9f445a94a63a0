using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>The app on the real Redis Cluster: tracked activity is counted and health reports every primary.</summary>
public sealed class RedisApiTests : IAsyncLifetime
{
    private DashboardApp _app = null!;

    public async Task InitializeAsync() => _app = new DashboardApp(new Dictionary<string, string?>
    {
        ["Dashboard:LiveStore"] = "Redis",
        ["ConnectionStrings:Redis"] = (await TestServers.RedisClusterAsync()).ConnectionString,
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TrackThenCurrent_OnRedisCluster_CountsTheUser()
    {
        using var client = _app.CreateClient();

        var track = await client.PostAsJsonAsync($"{DashboardApp.Api}/track",
            new { userId = "cluster-user", organizationId = "o1", sessionId = "s1", moduleId = "tax" });
        await _app.PollAsync();
        var current = await _app.GetDataAsync($"{DashboardApp.Api}/current");
        var health = await client.GetAsync($"{DashboardApp.Api}/health");

        Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        Assert.Equal(1, current.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("3 Redis primary", await health.Content.ReadAsStringAsync());
    }
}
