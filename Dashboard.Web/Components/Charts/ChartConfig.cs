namespace Dashboard.Web.Components.Charts;

/// <summary>What charts.js receives on create and on update: the whole chart, already downsampled.</summary>
internal sealed record ChartConfig(
    string Kind,
    int Height,
    string Theme,
    IReadOnlyList<ChartSeriesData> Series,
    string BarName,
    IReadOnlyList<ChartBar> Bars,
    IReadOnlyList<ChartReferenceLine> ReferenceLines,
    ChartMarkerData? Marker);
