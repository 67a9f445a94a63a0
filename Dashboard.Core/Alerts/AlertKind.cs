namespace Dashboard.Core.Alerts;

/// <summary>What an alert rule watches; each has its own default threshold in <c>Dashboard:Alerts</c>.</summary>
public enum AlertKind
{
    HighConcurrency,
    HighErrorRate,
    HighResponseTime,
    HighCpu,
    HighMemory,
    HighDbConnections,
}
