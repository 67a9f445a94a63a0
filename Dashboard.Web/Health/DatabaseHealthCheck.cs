using Dashboard.Core.Tracking;
using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Health;

/// <summary>Whether the history database (SQLite or PostgreSQL) accepts a connection; the cause of a failure goes to the outage log.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HistoryDbContext> contexts, OutageLog outages) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var database = await contexts.CreateDbContextAsync(cancellationToken);
            if (await database.Database.CanConnectAsync(cancellationToken))
            {
                outages.Succeeded(StoreUnavailableException.HistoryDatabase);
                return HealthCheckResult.Healthy($"{database.Database.ProviderName?.Split('.').Last()} database accepts connections.");
            }

            return HealthCheckResult.Unhealthy("The history database refused the connection.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            outages.Failed(StoreUnavailableException.HistoryDatabase, exception);
            return HealthCheckResult.Unhealthy("The history database is unreachable.");
        }
    }
}
