using Dashboard.Core.Alerts;

namespace Dashboard.Data.Entities;

/// <summary>
/// An alert rule as an admin set it (alert_rules): a change to one of the configured rules, or a rule of their own
/// such as high concurrency in one module or organization.
/// </summary>
public sealed class AlertRuleSetting
{
    public required string Id { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary>"overall", "module:&lt;id&gt;" or "organization:&lt;id&gt;".</summary>
    public required string Scope { get; set; }

    public double Threshold { get; set; }

    public AlertSeverity Severity { get; set; }

    public int ForPolls { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public AlertRule ToRule() => new(Id, Kind, AlertScope.Parse(Scope), Threshold, Severity, ForPolls, Enabled);
}
