namespace Dashboard.Data.Entities;

/// <summary>One instance's CPU, memory, database connections and Redis memory in one minute (resource_utilization).</summary>
public sealed class ResourceUtilization
{
    public long Id { get; set; }

    public DateTimeOffset BucketStart { get; set; }

    public required string InstanceId { get; set; }

    public double CpuPercent { get; set; }

    public double MemoryPercent { get; set; }

    public int DbConnectionsUsed { get; set; }

    public int DbConnectionsMax { get; set; }

    public long? RedisMemoryBytes { get; set; }
}
