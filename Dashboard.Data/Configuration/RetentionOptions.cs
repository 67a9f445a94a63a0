namespace Dashboard.Data.Configuration;

/// <summary>How long history is kept and how the retention job deletes it (<c>Dashboard:Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Dashboard:Retention";

    /// <summary>Per-minute users rows, performance metrics and resource utilization.</summary>
    public TimeSpan MinuteRows { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Hourly rollups of users.</summary>
    public TimeSpan HourlyRows { get; set; } = TimeSpan.FromDays(5 * 365);

    /// <summary>Sessions that ended (by logout or TTL), counted from their last activity.</summary>
    public TimeSpan EndedSessions { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Alerts that were resolved, counted from their resolution.</summary>
    public TimeSpan ResolvedAlerts { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Rows of the audit trail (<c>audit_log</c>), counted from when they were written.</summary>
    public TimeSpan AuditRows { get; set; } = TimeSpan.FromDays(2 * 365);

    /// <summary>Rows removed by one DELETE, so no statement holds locks or bloats the log for long.</summary>
    public int BatchSize { get; set; } = 5000;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
