namespace Dashboard.Core.Resources;

/// <summary>One instance's resources at one poll: CPU and memory (host and process), database connections, Redis.</summary>
public sealed record ResourceSample(
    string InstanceId,
    DateTimeOffset At,
    double HostCpuPercent,
    double ProcessCpuPercent,
    double HostMemoryPercent,
    double ProcessMemoryPercent,
    int? DbConnectionsUsed,
    int? DbConnectionsMax,
    long? RedisMemoryBytes,
    long? RedisClients)
{
    /// <summary>Database connections in use as a share of the maximum; null where there is no server (SQLite).</summary>
    public double? DbConnectionsPercent => DbConnectionsUsed is { } used && DbConnectionsMax is > 0 and var max
        ? 100.0 * used / max
        : null;
}
