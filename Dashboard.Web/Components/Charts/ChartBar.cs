namespace Dashboard.Web.Components.Charts;

/// <summary>One bar of a bar chart, e.g. the users of one module.</summary>
public sealed record ChartBar(string Category, double Value);
