namespace Dashboard.Core.Alerts;

/// <summary>One change the evaluator decided on, for the alert store to persist and the webhook to announce.</summary>
public sealed record AlertTransition(AlertTransitionKind Kind, AlertRule Rule, double Value, DateTimeOffset At);
