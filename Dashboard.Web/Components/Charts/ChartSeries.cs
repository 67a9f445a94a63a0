namespace Dashboard.Web.Components.Charts;

/// <summary>A named time series; its points are in time order.</summary>
/// <param name="Step">
/// How far apart the series' buckets are. Two points further apart than this have no data between them, and the chart
/// shows a gap there instead of a straight ramp across it. Null: every point joins the next.
/// </param>
/// <param name="Dashed">Drawn dashed, for a series that is context rather than the subject (the previous period).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, TimeSpan? Step = null, bool Dashed = false);
