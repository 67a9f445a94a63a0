using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dashboard.Web.Health;

/// <summary>
/// The probes for orchestrators and load balancers, anonymous by design: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (the stores are reachable and every migration is applied), 200 or 503 with a one-word body.
/// </summary>
public static class HealthProbeEndpoints
{
    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready").AllowAnonymous();
        return endpoints;
    }
}
