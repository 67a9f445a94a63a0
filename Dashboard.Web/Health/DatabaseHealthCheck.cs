using Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Health;

/// <summary>Whether the history database (SQLite or PostgreSQL) accepts a connection.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HistoryDbContext> contexts) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var database = await contexts.CreateDbContextAsync(cancellationToken);
            return await database.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{database.Database.ProviderName?.Split('.').Last()} database accepts connections.")
                : HealthCheckResult.Unhealthy("The history database refused the connection.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The history database is unreachable: {exception.Message}", exception);
        }
    }
}
