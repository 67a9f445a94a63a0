namespace Dashboard.Web.Components.Charts;

/// <summary>A marker as ApexCharts takes it: X in milliseconds since the epoch.</summary>
internal sealed record ChartMarkerData(string Label, long X, double Y);
