namespace Dashboard.Data.Entities;

/// <summary>Users over time, overall: one row per minute and per hour (concurrent_users_history).</summary>
public sealed class ConcurrentUsersHistory : UsageRow
{
    public long MaxSessions { get; set; }
}
