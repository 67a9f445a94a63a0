namespace Dashboard.Core.Alerts;

/// <summary>An alert as people see it: what fired, where, how bad, and who acknowledged it when.</summary>
public sealed record AlertRecord(
    long Id,
    string RuleId,
    string AlertType,
    AlertSeverity Severity,
    string Scope,
    AlertStatus Status,
    double Value,
    double Threshold,
    int RepeatCount,
    DateTimeOffset TriggeredAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote,
    DateTimeOffset? ResolvedAt);
