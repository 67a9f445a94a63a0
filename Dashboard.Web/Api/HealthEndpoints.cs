using Dashboard.Core.Leases;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Health;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Api;

/// <summary><c>GET health</c>: 200 when every check is healthy, 503 otherwise, with each check's finding.</summary>
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/health", CheckAsync)
            .Produces<ApiEnvelope<HealthData>>()
            .Produces<ApiEnvelope<HealthData>>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Health of the live store and the database");
        return group;
    }

    private static async Task<JsonHttpResult<ApiEnvelope<HealthData>>> CheckAsync(
        HealthCheckService health, MetricsHub hub, JobLeases leases, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => !check.Tags.Contains(MigrationsHealthCheck.ReadinessTag), cancellationToken);
        var healthy = report.Status == HealthStatus.Healthy;
        var checks = report.Entries
            .Select(entry => new HealthCheckData(
                entry.Key, entry.Value.Status.ToString().ToLowerInvariant(), entry.Value.Description, entry.Value.Duration.TotalMilliseconds))
            .ToList();
        var data = new HealthData(healthy ? "healthy" : "unhealthy", hub.Latest?.Snapshot?.ConcurrentUsers, checks) { Leases = leases.Held };
        return TypedResults.Json(
            new ApiEnvelope<HealthData>(data) { Success = healthy },
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
