using Dashboard.Core.Configuration;
using StackExchange.Redis;

namespace Dashboard.Tests.Infrastructure;

/// <summary>One shared connection to each test Redis, as the app shares one multiplexer.</summary>
internal static class TestRedis
{
    private static readonly Lazy<Task<IConnectionMultiplexer>> Single = new(async () =>
        TrackingServiceCollectionExtensions.ConnectRedis((await TestServers.RedisAsync()).Endpoint));

    private static readonly Lazy<Task<IConnectionMultiplexer>> Cluster = new(async () =>
        TrackingServiceCollectionExtensions.ConnectRedis((await TestServers.RedisClusterAsync()).ConnectionString));

    public static Task<IConnectionMultiplexer> SingleAsync() => Single.Value;

    public static Task<IConnectionMultiplexer> ClusterAsync() => Cluster.Value;
}
