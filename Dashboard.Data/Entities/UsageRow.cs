namespace Dashboard.Data.Entities;

/// <summary>
/// What every users-over-time row holds, whichever scope it counts: the users seen in the samples of one bucket.
/// </summary>
public abstract class UsageRow
{
    public long Id { get; set; }

    public HistoryGranularity Granularity { get; set; }

    /// <summary>Start of the minute or hour (UTC) the row summarises.</summary>
    public DateTimeOffset BucketStart { get; set; }

    public long MinUsers { get; set; }

    /// <summary>The mean of the bucket's samples, which are evenly spaced, so it is the time-weighted average.</summary>
    public double AvgUsers { get; set; }

    public long MaxUsers { get; set; }

    /// <summary>When <see cref="MaxUsers"/> was first seen in the bucket.</summary>
    public DateTimeOffset PeakAt { get; set; }

    /// <summary>
    /// How many 10-second samples the row is built from: its weight in averages. A module or organization row counts
    /// every sample of the bucket, including those where it had no users.
    /// </summary>
    public int SampleCount { get; set; }
}
