namespace Dashboard.Core.History;

/// <summary>
/// The time-weighted average of concurrent users over a range: every 10-second sample weighs the same, so a minute
/// or an hour counts by the samples it holds. <see cref="Users"/> is null when no sample falls in the range; a module
/// or organization absent from a sample counts zero there.
/// </summary>
/// <param name="Samples">How many 10-second samples the average is over (the time covered, in polls).</param>
public sealed record HistoryAverage(double? Users, long Samples, HistoryTier Source);
