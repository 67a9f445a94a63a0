namespace Dashboard.Web.Components.Charts;

/// <summary>A series as ApexCharts takes it: [milliseconds since the epoch, value] pairs.</summary>
internal sealed record ChartSeriesData(string Name, IReadOnlyList<double[]> Data);
