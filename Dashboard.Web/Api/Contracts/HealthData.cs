namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET health</c>: overall status, the live count, and each check (live store, database).</summary>
public sealed record HealthData(string Status, long? ConcurrentUsers, IReadOnlyList<HealthCheckData> Checks);
