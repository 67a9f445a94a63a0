namespace Dashboard.Web.Components.Charts;

/// <summary>A labelled point on a time series chart, e.g. where the peak happened.</summary>
public sealed record ChartMarker(string Label, DateTimeOffset Time, double Value);
