namespace Dashboard.Client;

/// <summary>The server's health: overall status, the live count (when known) and each check.</summary>
public sealed record HealthReport(string Status, long? ConcurrentUsers, IReadOnlyList<HealthCheck> Checks)
{
    public bool IsHealthy => string.Equals(Status, "healthy", StringComparison.OrdinalIgnoreCase);
}
