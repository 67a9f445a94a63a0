using Dashboard.Core.Alerts;

namespace Dashboard.Data.Entities.Views;

/// <summary>A row of the performance_alerts_summary view: the alerts not yet resolved, per severity.</summary>
public sealed class PerformanceAlertsSummary
{
    public AlertSeverity Severity { get; set; }

    public long ActiveCount { get; set; }

    public long AcknowledgedCount { get; set; }

    public DateTimeOffset OldestTriggeredAt { get; set; }

    public DateTimeOffset LatestTriggeredAt { get; set; }
}
