namespace Dashboard.Data.Audit;

/// <summary>One row of <c>audit_log</c>: who did what to what, when and from where, with the change's details as JSON.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The person or key that acted; for a failed sign-in, the user name that was typed.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What the action was done to: a user name, a key id, a rule id, an alert id.</summary>
    public string? Target { get; set; }

    /// <summary>A JSON object, e.g. <c>{"before": …, "after": …}</c> for a rule change.</summary>
    public string? Details { get; set; }

    public string? ClientAddress { get; set; }
}
