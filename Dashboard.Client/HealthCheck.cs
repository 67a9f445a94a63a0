namespace Dashboard.Client;

/// <summary>One of the server's health checks (<c>redis</c>, <c>database</c>): its status and what it found.</summary>
public sealed record HealthCheck(string Name, string Status, string? Description, double DurationMs)
{
    public bool IsHealthy => string.Equals(Status, "healthy", StringComparison.OrdinalIgnoreCase);
}
