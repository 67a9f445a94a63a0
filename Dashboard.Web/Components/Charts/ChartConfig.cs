namespace Dashboard.Web.Components.Charts;

/// <summary>What charts.js receives on create and on update: the whole chart, already downsampled.</summary>
/// <param name="XMin">The x-axis' start in milliseconds since the epoch; null lets ApexCharts fit the data.</param>
/// <param name="Utc">Times in UTC; otherwise in the browser's zone, which is the viewer's chosen zone.</param>
/// <param name="Colors">The series' colours, the same in light and dark mode so a line keeps its colour.</param>
internal sealed record ChartConfig(
    string Kind,
    int Height,
    string Theme,
    IReadOnlyList<ChartSeriesData> Series,
    string BarName,
    IReadOnlyList<ChartBar> Bars,
    IReadOnlyList<ChartReferenceLine> ReferenceLines,
    ChartMarkerData? Marker,
    long? XMin,
    long? XMax,
    string TooltipFormat,
    bool Utc,
    IReadOnlyList<string> Colors);
