using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Health;

/// <summary>Whether the history database's schema is the one this build expects: no migration is pending.</summary>
public sealed class MigrationsHealthCheck(IDbContextFactory<HistoryDbContext> contexts) : IHealthCheck
{
    public const string Name = "migrations";

    /// <summary>The tag of checks that only readiness asks, so the API's <c>/health</c> keeps its shape.</summary>
    public const string ReadinessTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var database = await contexts.CreateDbContextAsync(cancellationToken);
            var pending = (await database.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Every migration is applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are pending: {string.Join(", ", pending)}.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The history database is unreachable.", exception);
        }
    }
}
