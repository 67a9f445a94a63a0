namespace Dashboard.Web.Components.Charts;

/// <summary>
/// The span a time chart's x-axis covers: exactly the chosen range, ending at its end (now for a preset), whatever
/// the data. Every chart of a page gets the same one, so their times line up.
/// </summary>
public sealed record ChartTimeAxis(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>From a day up, a time alone is ambiguous: tooltips then carry the date.</summary>
    public static readonly TimeSpan DatedFrom = TimeSpan.FromHours(24);

    public string TooltipFormat => End - Start >= DatedFrom ? "yyyy-MM-dd HH:mm" : "HH:mm:ss";
}
