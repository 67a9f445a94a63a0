using Dashboard.Core.Tracking;
using Dashboard.Data.Entities;

namespace Dashboard.Data.History;

/// <summary>One scope's samples of one minute, summarised as a minute row holds them.</summary>
internal sealed record MinuteSummary(
    DateTimeOffset Minute, long MinUsers, double AvgUsers, long MaxUsers, DateTimeOffset PeakAt, int SampleCount, long MaxSessions)
{
    /// <summary>The minutes of a scope's samples, oldest first.</summary>
    public static IEnumerable<MinuteSummary> Of(IEnumerable<LiveSample> samples) =>
        samples
            .GroupBy(sample => TimeBuckets.Floor(sample.Timestamp, TimeBuckets.Minute))
            .OrderBy(minute => minute.Key)
            .Select(minute =>
            {
                var peak = minute.OrderByDescending(sample => sample.Users).ThenBy(sample => sample.Timestamp).First();
                return new MinuteSummary(
                    minute.Key,
                    minute.Min(sample => sample.Users),
                    minute.Average(sample => sample.Users),
                    peak.Users,
                    peak.Timestamp,
                    minute.Count(),
                    minute.Max(sample => sample.ActiveSessions ?? 0));
            });

    public TRow ToRow<TRow>(TRow row)
        where TRow : UsageRow
    {
        row.Granularity = HistoryGranularity.Minute;
        row.BucketStart = Minute;
        row.MinUsers = MinUsers;
        row.AvgUsers = AvgUsers;
        row.MaxUsers = MaxUsers;
        row.PeakAt = PeakAt;
        row.SampleCount = SampleCount;
        return row;
    }
}
