namespace Dashboard.Core.Alerts;

/// <summary>
/// One condition worth a human's attention: it fires after holding for <see cref="ForPolls"/> consecutive polls
/// and resolves after as many polls below <see cref="ResolveRatio"/> of the threshold.
/// </summary>
public sealed record AlertRule(string Id, AlertKind Kind, AlertScope Scope, double Threshold, AlertSeverity Severity, int ForPolls, bool Enabled = true)
{
    /// <summary>Below this share of the threshold a condition counts as clear; between it and the threshold, nothing changes.</summary>
    public const double ResolveRatio = 0.9;

    /// <summary>The alert type as stored and shown: high_concurrency, high_error_rate, …</summary>
    public string AlertType => TypeName(Kind);

    public static string TypeName(AlertKind kind) => kind switch
    {
        AlertKind.HighConcurrency => "high_concurrency",
        AlertKind.HighErrorRate => "high_error_rate",
        AlertKind.HighResponseTime => "high_response_time",
        AlertKind.HighCpu => "high_cpu",
        AlertKind.HighMemory => "high_memory",
        AlertKind.HighDbConnections => "high_db_connections",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown alert kind."),
    };

    public bool IsBreachedBy(double value) => value > Threshold;

    public bool IsClearedBy(double value) => value < Threshold * ResolveRatio;
}
