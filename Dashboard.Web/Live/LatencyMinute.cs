using Dashboard.Data.History;

namespace Dashboard.Web.Live;

/// <summary>One minute of the platform's response-time percentiles (ms) as a chart shows them; null where nothing was measured.</summary>
public sealed record LatencyMinute(DateTimeOffset Minute, double? P50, double? P95, double? P99)
{
    public static LatencyMinute From(PerformancePoint point) => new(point.Minute, point.P50, point.P95, point.P99);
}
