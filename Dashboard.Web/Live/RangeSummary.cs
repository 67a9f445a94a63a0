using Dashboard.Core.History;
using Dashboard.Ranges;

namespace Dashboard.Web.Live;

/// <summary>What a page shows about a range: its peak, average and trend, or why the range was refused.</summary>
public sealed record RangeSummary(TimeRange? Range, HistoryPeak? Peak, HistoryAverage? Average, HistoryTrend? Trend, string? Error)
{
    public static RangeSummary Refused(string error) => new(null, null, null, null, error);
}
