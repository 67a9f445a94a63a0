using Dashboard.Core.History;

namespace Dashboard.Data.History;

/// <summary>The bucket a trend is drawn at: the finest step of a fixed ladder that gives at most 300 points.</summary>
public static class TrendResolution
{
    private static readonly TimeSpan[] Ladder =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14),
    ];

    /// <summary>The resolution for a range of this length read from <paramref name="tier"/>, never finer than the tier.</summary>
    public static TimeSpan For(TimeSpan length, HistoryTier tier)
    {
        var finest = Granularity(tier);
        return Ladder.FirstOrDefault(step => step >= finest && Math.Ceiling(length / step) <= HistoryTrend.MaxPoints, Ladder[^1]);
    }

    public static TimeSpan Granularity(HistoryTier tier) => tier switch
    {
        HistoryTier.LiveSamples => Ladder[0],
        HistoryTier.Minute => TimeBuckets.Minute,
        _ => TimeBuckets.Hour,
    };
}
