using Dashboard.Core.Alerts;

namespace Dashboard.Core.Configuration;

/// <summary>The spec's alert thresholds and how alerts behave (<c>Dashboard:Alerts</c>); admins may edit the rules later.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Dashboard:Alerts";

    public double HighConcurrency { get; set; } = 1000;

    /// <summary>Share of requests that failed, 0 to 1.</summary>
    public double HighErrorRate { get; set; } = 0.05;

    /// <summary>P95 response time, in milliseconds.</summary>
    public double HighResponseTimeMs { get; set; } = 500;

    public double HighCpuPercent { get; set; } = 80;

    public double HighMemoryPercent { get; set; } = 85;

    public double HighDbConnectionsPercent { get; set; } = 90;

    /// <summary>Consecutive polls a condition must hold before it fires, and be clear before it resolves.</summary>
    public int ForPolls { get; set; } = 2;

    /// <summary>How many rules may be stored (changed configured ones and added ones): a rule id is a row.</summary>
    public int MaxRules { get; set; } = 100;

    /// <summary>Where fired and resolved alerts are POSTed as JSON; empty for none.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The platform-wide rules these settings describe.</summary>
    public IReadOnlyList<AlertRule> DefaultRules() =>
    [
        new("high-concurrency", AlertKind.HighConcurrency, AlertScope.Overall, HighConcurrency, AlertSeverity.Warning, ForPolls),
        new("high-error-rate", AlertKind.HighErrorRate, AlertScope.Overall, HighErrorRate, AlertSeverity.Critical, ForPolls),
        new("high-response-time", AlertKind.HighResponseTime, AlertScope.Overall, HighResponseTimeMs, AlertSeverity.Warning, ForPolls),
        new("high-cpu", AlertKind.HighCpu, AlertScope.Overall, HighCpuPercent, AlertSeverity.Warning, ForPolls),
        new("high-memory", AlertKind.HighMemory, AlertScope.Overall, HighMemoryPercent, AlertSeverity.Warning, ForPolls),
        new("high-db-connections", AlertKind.HighDbConnections, AlertScope.Overall, HighDbConnectionsPercent, AlertSeverity.Critical, ForPolls),
    ];
}
