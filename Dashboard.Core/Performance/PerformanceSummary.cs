namespace Dashboard.Core.Performance;

/// <summary>Requests, error rate and response-time percentiles (ms) of one module, or of all, over a window.</summary>
public sealed record PerformanceSummary(long Requests, long Errors, double ErrorRate, double? P50, double? P95, double? P99)
{
    public static PerformanceSummary Of(LatencyHistogram histogram) => new(
        histogram.Count, histogram.Errors, histogram.ErrorRate,
        histogram.Percentile(50), histogram.Percentile(95), histogram.Percentile(99));
}
