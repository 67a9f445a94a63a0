using Dashboard.Data.History;

namespace Dashboard.Web.Live;

/// <summary>
/// One minute of response-time percentiles (ms) and the error rate (0–1) as a chart shows them; null where nothing
/// was measured.
/// </summary>
public sealed record LatencyMinute(DateTimeOffset Minute, double? P50, double? P95, double? P99, double? ErrorRate = null)
{
    public static LatencyMinute From(PerformancePoint point) => new(
        point.Minute, point.P50, point.P95, point.P99, point.Requests > 0 ? (double)point.Errors / point.Requests : null);
}
