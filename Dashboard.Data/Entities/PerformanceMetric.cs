namespace Dashboard.Data.Entities;

/// <summary>Requests, errors and latency percentiles of one minute, per module or for all of them (performance_metrics).</summary>
public sealed class PerformanceMetric
{
    /// <summary>The <see cref="ModuleId"/> of the row that covers every module; no module id can be "*".</summary>
    public const string AllModules = "*";

    public long Id { get; set; }

    public DateTimeOffset BucketStart { get; set; }

    public required string ModuleId { get; set; }

    public long RequestCount { get; set; }

    public long ErrorCount { get; set; }

    public double? P50Ms { get; set; }

    public double? P95Ms { get; set; }

    public double? P99Ms { get; set; }

    /// <summary>
    /// The minute's latency histogram (<see cref="Dashboard.Core.Performance.LatencyBucketText"/>), from which
    /// percentiles over any range of rows are merged. Null on rows written before it was kept.
    /// </summary>
    public string? LatencyBuckets { get; set; }
}
