namespace Dashboard.Data.Entities;

/// <summary>One module's users, requests, errors and latency per minute and per hour (module_usage_tracking).</summary>
public sealed class ModuleUsageTracking : UsageRow
{
    public required string ModuleId { get; set; }

    public long RequestCount { get; set; }

    public long ErrorCount { get; set; }

    public double? LatencyP50Ms { get; set; }

    public double? LatencyP95Ms { get; set; }

    public double? LatencyP99Ms { get; set; }
}
