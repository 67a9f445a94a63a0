namespace Dashboard.Data.History;

/// <summary>Bucket arithmetic on UTC time; buckets are aligned to the Unix epoch.</summary>
internal static class TimeBuckets
{
    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan bucket)
    {
        var sinceEpoch = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(sinceEpoch - ((sinceEpoch % bucket.Ticks) + bucket.Ticks) % bucket.Ticks);
    }
}
