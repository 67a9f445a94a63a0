using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.Configuration;

/// <summary>
/// Applies pending migrations when the app starts, before the services that write history (on by default; see
/// <see cref="DatabaseOptions.MigrateOnStart"/>). A database that is still starting is waited for, a little.
/// </summary>
public sealed partial class HistoryMigrator(
    IDbContextFactory<HistoryDbContext> contexts,
    IOptions<DatabaseOptions> options,
    TimeProvider time,
    ILogger<HistoryMigrator> logger) : IHostedService
{
    // 1 + 2 + 4 + 8 + 16 s: long enough for a database started beside the app, short enough to fail visibly.
    private const int MaxAttempts = 6;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            LogSkipped(logger);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (DatabaseErrors.IsTransient(exception) && attempt < MaxAttempts)
            {
                var delay = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                LogWaiting(logger, exception, attempt, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Brings the schema up to date now.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var database = context.Database;
            if (database.IsSqlite())
            {
                // Readers no longer wait for the writer; the setting stays with the file.
                await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            var pending = (await database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count == 0)
            {
                LogUpToDate(logger, database.ProviderName);
                return;
            }

            LogApplying(logger, pending.Count, database.ProviderName, pending);
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(logger, pending.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations to the history database ({Provider}): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string? provider, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migrations to the history database")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The history database ({Provider}) is up to date")]
    private static partial void LogUpToDate(ILogger logger, string? provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard:Database:MigrateOnStart is false: migrations are not applied at start")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The history database is not reachable yet (attempt {Attempt}); trying again in {Delay}")]
    private static partial void LogWaiting(ILogger logger, Exception exception, int attempt, TimeSpan delay);
}
