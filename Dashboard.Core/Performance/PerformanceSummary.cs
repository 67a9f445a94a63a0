namespace Dashboard.Core.Performance;

/// <summary>Requests, error rate and response-time percentiles (ms) of one module, or of all, over a window.</summary>
public sealed record PerformanceSummary(long Requests, long Errors, double ErrorRate, double? P50, double? P95, double? P99)
{
    /// <summary>The histogram's non-empty buckets by index, so history can keep them and merge any range later.</summary>
    public IReadOnlyDictionary<int, long> Buckets { get; init; } = new Dictionary<int, long>();

    public static PerformanceSummary Of(LatencyHistogram histogram) => new(
        histogram.Count, histogram.Errors, histogram.ErrorRate,
        histogram.Percentile(50), histogram.Percentile(95), histogram.Percentile(99))
    {
        // A copy: the histogram may go on counting.
        Buckets = histogram.Buckets.ToDictionary(),
    };
}
