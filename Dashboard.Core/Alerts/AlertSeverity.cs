namespace Dashboard.Core.Alerts;

/// <summary>How urgently an alert needs a human.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
