namespace Dashboard.Web.Api.Contracts;

/// <summary>One health check's result: its name (e.g. redis, database), status and what it found.</summary>
public sealed record HealthCheckData(string Name, string Status, string? Description, double DurationMs);
