using Dashboard.Core.Alerts;

namespace Dashboard.Data.Alerts;

/// <summary>The alerts not yet resolved: how many wait for a human (active, not acknowledged), and all of them by severity.</summary>
public sealed record OpenAlertCounts(int Unacknowledged, IReadOnlyDictionary<AlertSeverity, int> BySeverity);
