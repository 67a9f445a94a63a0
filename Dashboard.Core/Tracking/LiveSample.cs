namespace Dashboard.Core.Tracking;

/// <summary>One scope's count at one poll: the finest tier of history, kept for <see cref="Retention"/>.</summary>
/// <param name="ActiveSessions">Counted for the overall scope only; null for a module or an organization.</param>
public sealed record LiveSample(DateTimeOffset Timestamp, long Users, long? ActiveSessions = null)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);
}
