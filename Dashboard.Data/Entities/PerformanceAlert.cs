using Dashboard.Core.Alerts;

namespace Dashboard.Data.Entities;

/// <summary>An alert raised when a threshold was crossed, and who acknowledged it and when (performance_alerts).</summary>
public sealed class PerformanceAlert
{
    public long Id { get; set; }

    /// <summary>The rule that raised it; at most one alert per rule is open (not resolved) at a time.</summary>
    public required string RuleId { get; set; }

    /// <summary>The rule that fired, such as "high_concurrency" or "high_error_rate".</summary>
    public required string AlertType { get; set; }

    /// <summary>What the rule looked at: "overall", "module:&lt;id&gt;", "organization:&lt;id&gt;" or "instance:&lt;id&gt;".</summary>
    public required string Scope { get; set; }

    public AlertSeverity Severity { get; set; }

    public double Threshold { get; set; }

    /// <summary>The value seen on the latest poll that breached the threshold.</summary>
    public double ObservedValue { get; set; }

    /// <summary>How many polls breached the threshold while the alert was open.</summary>
    public int RepeatCount { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public AlertStatus Status { get; set; }

    public DateTimeOffset TriggeredAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Note { get; set; }
}
