namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET health</c>: overall status, the live count, and each check (live store, database).</summary>
public sealed record HealthData(string Status, long? ConcurrentUsers, IReadOnlyList<HealthCheckData> Checks)
{
    /// <summary>The once-per-cluster jobs this instance runs, by the leases it holds (history, alerts, retention, sessions).</summary>
    public IReadOnlyList<string> Leases { get; init; } = [];
}
