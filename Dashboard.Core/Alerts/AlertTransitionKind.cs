namespace Dashboard.Core.Alerts;

/// <summary>What happened to an alert on a poll.</summary>
public enum AlertTransitionKind
{
    /// <summary>A new alert: the condition held for the rule's number of polls.</summary>
    Fired,

    /// <summary>An open alert saw its condition again: its latest value and count change.</summary>
    Repeated,

    /// <summary>The condition was clear for the rule's number of polls.</summary>
    Resolved,
}
