namespace Dashboard.Core.Tracking;

/// <summary>
/// The order of the session listing: most recent activity first, ties by session id descending,
/// which is the order Redis's ZREVRANGEBYSCORE gives, so per-shard pages merge into one consistent page.
/// </summary>
public static class SessionOrder
{
    public static IOrderedEnumerable<ActiveSession> Apply(IEnumerable<ActiveSession> sessions) =>
        sessions
            .OrderByDescending(session => session.LastActivityAt)
            .ThenByDescending(session => session.SessionId, StringComparer.Ordinal);
}
