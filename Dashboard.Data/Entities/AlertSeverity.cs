namespace Dashboard.Data.Entities;

/// <summary>How urgent an alert is; stored in lower case.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
