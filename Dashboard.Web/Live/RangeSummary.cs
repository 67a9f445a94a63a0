using Dashboard.Core.History;
using Dashboard.Ranges;

namespace Dashboard.Web.Live;

/// <summary>
/// What a page shows about a range: its peak, average and trend, the trend of the equal period before it (drawn
/// behind it for comparison), or why the range was refused.
/// </summary>
public sealed record RangeSummary(
    TimeRange? Range, HistoryPeak? Peak, HistoryAverage? Average, HistoryTrend? Trend, string? Error, HistoryTrend? PreviousTrend = null)
{
    public static RangeSummary Refused(string error) => new(null, null, null, null, error);
}
