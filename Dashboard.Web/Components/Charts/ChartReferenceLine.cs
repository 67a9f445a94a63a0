namespace Dashboard.Web.Components.Charts;

/// <summary>A labelled horizontal line across a time series chart, e.g. "Peak 245" or "Average 180".</summary>
public sealed record ChartReferenceLine(string Label, double Value);
