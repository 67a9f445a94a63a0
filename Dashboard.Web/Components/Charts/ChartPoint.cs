namespace Dashboard.Web.Components.Charts;

/// <summary>One sample of a time series, e.g. the concurrent users at a moment.</summary>
public sealed record ChartPoint(DateTimeOffset Time, double Value);
