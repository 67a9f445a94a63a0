namespace Dashboard.Web.Components.Charts;

/// <summary>
/// A series as ApexCharts takes it: [milliseconds since the epoch, value] pairs, the value null where a gap starts.
/// </summary>
internal sealed record ChartSeriesData(string Name, IReadOnlyList<double?[]> Data, bool Dashed);
