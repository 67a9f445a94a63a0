namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real servers of a test run, each started once on first use and stopped, with their folder deleted, by
/// <see cref="ServerFolderReaper"/> when the run's process has exited.
/// A server that cannot start fails the tests that need it, with the reason; nothing is skipped.
/// </summary>
internal static class TestServers
{
    private static readonly string Root = CreateRoot();
    private static readonly Lazy<Task<RedisServer>> SingleRedis = new(() => RedisServer.StartAsync(Path.Combine(Root, "redis")));
    private static readonly Lazy<Task<RedisCluster>> Cluster = new(() => RedisCluster.StartAsync(Path.Combine(Root, "cluster")));
    private static readonly Lazy<Task<PostgresServer>> Postgres = new(() => PostgresServer.StartAsync(Path.Combine(Root, "postgres")));

    public static Task<RedisServer> RedisAsync() => SingleRedis.Value;

    public static Task<RedisCluster> RedisClusterAsync() => Cluster.Value;

    public static Task<PostgresServer> PostgresAsync() => Postgres.Value;

    /// <summary>A PostgreSQL server of the caller's own, for tests that stop it; the caller disposes of it.</summary>
    public static Task<PostgresServer> StartPostgresAsync(string name) =>
        PostgresServer.StartAsync(Path.Combine(Root, $"postgres-{name}-{Guid.NewGuid():N}"));

    /// <summary>A Redis server of the caller's own, for tests that kill it; the caller disposes of it.</summary>
    public static Task<RedisServer> StartRedisAsync(string name) =>
        RedisServer.StartAsync(Path.Combine(Root, $"redis-{name}-{Guid.NewGuid():N}"));

    /// <summary>A Redis Cluster of the caller's own with a replica of each master, for tests that kill a master.</summary>
    public static Task<RedisCluster> StartRedisClusterWithReplicasAsync(string name) =>
        RedisCluster.StartAsync(Path.Combine(Root, $"cluster-{name}-{Guid.NewGuid():N}"), replicas: 1, nodeTimeout: 1000);

    private static string CreateRoot()
    {
        var root = Directory.CreateTempSubdirectory("dashboard-tests-").FullName;
        // The postgres OS user must be able to reach its data folder inside.
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        ServerFolderReaper.Watch(root);
        return root;
    }
}
