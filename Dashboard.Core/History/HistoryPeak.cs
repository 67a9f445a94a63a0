namespace Dashboard.Core.History;

/// <summary>
/// The most users seen at once in a range and when; <see cref="At"/> is null when the range holds no history.
/// Exact for live samples; for minute and hourly rows, to the row's bucket (the range is widened to whole buckets).
/// </summary>
public sealed record HistoryPeak(long Users, DateTimeOffset? At, HistoryTier Source);
