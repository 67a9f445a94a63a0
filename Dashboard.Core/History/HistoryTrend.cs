namespace Dashboard.Core.History;

/// <summary>
/// Users over a range at a resolution chosen for its length (at most <see cref="MaxPoints"/> points, oldest first;
/// buckets without history are left out), with the average of the range and of the equal period just before it.
/// </summary>
/// <param name="ChangePercent">(Average − PreviousAverage) / PreviousAverage × 100; null when the previous period has no users.</param>
public sealed record HistoryTrend(
    TimeSpan Resolution,
    IReadOnlyList<TrendPoint> Points,
    double? Average,
    double? PreviousAverage,
    double? ChangePercent,
    HistoryTier Source)
{
    public const int MaxPoints = 300;
}
