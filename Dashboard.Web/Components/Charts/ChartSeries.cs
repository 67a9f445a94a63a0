namespace Dashboard.Web.Components.Charts;

/// <summary>A named time series; its points are in time order.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);
