using Dashboard.Core.Tracking;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.Data.Storage;

/// <summary>Tells "the database is down, restarting or busy: try again later" from a fault that retrying cannot fix.</summary>
internal static class DatabaseErrors
{
    public const string StoreName = StoreUnavailableException.HistoryDatabase;

    // SQLite result codes: BUSY, LOCKED, IOERR, FULL, CANTOPEN.
    private static readonly int[] TransientSqliteCodes = [5, 6, 10, 13, 14];

    // PostgreSQL error classes: connection exception, insufficient resources, operator intervention (shutdown,
    // restart), system error, transaction rollback (serialization failure, deadlock).
    private static readonly string[] TransientPostgresClasses = ["08", "53", "57", "58", "40"];

    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => TransientPostgresClasses.Any(prefix => postgres.SqlState.StartsWith(prefix, StringComparison.Ordinal)),
        // Without a server error, Npgsql failed on the connection itself: refused, reset, timed out.
        NpgsqlException => true,
        SqliteException sqlite => TransientSqliteCodes.Contains(sqlite.SqliteErrorCode),
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>Runs a write, turning a database that is down into <see cref="StoreUnavailableException"/>.</summary>
    public static Task RunAsync(Func<Task> call) => RunAsync(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    /// <summary>Runs a read, turning a database that is down into <see cref="StoreUnavailableException"/>.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            throw new StoreUnavailableException(StoreName, exception);
        }
    }
}
