namespace Dashboard.Core.Alerts;

/// <summary>
/// One condition worth a human's attention: it fires after holding for <see cref="ForPolls"/> consecutive polls
/// and resolves after as many polls below <see cref="ResolveRatio"/> of the threshold.
/// </summary>
public sealed record AlertRule(string Id, AlertKind Kind, AlertScope Scope, double Threshold, AlertSeverity Severity, int ForPolls, bool Enabled = true)
{
    /// <summary>Below this share of the threshold a condition counts as clear; between it and the threshold, nothing changes.</summary>
    public const double ResolveRatio = 0.9;

    public bool IsBreachedBy(double value) => value > Threshold;

    public bool IsClearedBy(double value) => value < Threshold * ResolveRatio;
}
