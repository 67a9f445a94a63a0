namespace Dashboard.Data.Entities.Views;

/// <summary>A row of the module_usage_summary view: one module over the last 24 hours of minute rows.</summary>
public sealed class ModuleUsageSummary
{
    public required string ModuleId { get; set; }

    public long PeakUsers { get; set; }

    /// <summary>Time-weighted over the whole 24 hours: minutes without the module count zero.</summary>
    public double AvgUsers { get; set; }

    public long RequestCount { get; set; }

    public long ErrorCount { get; set; }

    /// <summary>Errors per request; null when there were no requests.</summary>
    public double? ErrorRate { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
