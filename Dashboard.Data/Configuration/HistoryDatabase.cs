using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dashboard.Data.Configuration;

/// <summary>How a context is pointed at each provider: the one place the app, the design-time tools and the tests share.</summary>
public static class HistoryDatabase
{
    public const string DefaultSqliteConnection = "Data Source=data/dashboard.db";

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        CreateSqliteFolder(connectionString);
        return Shared(builder.UseSqlite(connectionString));
    }

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        Shared(builder.UseNpgsql(connectionString));

    /// <summary>
    /// The connection string with <paramref name="timeout"/> as its connect timeout, in whole seconds as Npgsql takes
    /// it (1 to 1024). Throws when the timeout is outside that range.
    /// </summary>
    public static string WithConnectTimeout(string connectionString, TimeSpan timeout)
    {
        var seconds = Math.Ceiling(timeout.TotalSeconds);
        if (seconds is < 1 or > 1024)
        {
            throw new InvalidOperationException(
                $"{DatabaseOptions.SectionName}:ConnectTimeout must be between 00:00:01 and 00:17:04; it is {timeout}.");
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)seconds }.ConnectionString;
    }

    // The design-time types (DesignTime/) build on EF's design package, which only `dotnet ef` loads: EF's scan of
    // this assembly for migrations cannot load them in the app, and warned at every start that it could not.
    // A failed command, connection or query is logged by EF at Error with its stack trace, once per query: thousands
    // of lines in a minute-long outage. The callers report it to the outage log instead, so EF's go to Debug.
    private static DbContextOptionsBuilder Shared(DbContextOptionsBuilder builder) =>
        builder.UseSnakeCaseNamingConvention()
            .ConfigureWarnings(warnings => warnings
                .Ignore(CoreEventId.TypeLoadingErrorWarning)
                .Log(
                    (RelationalEventId.CommandError, LogLevel.Debug),
                    (RelationalEventId.ConnectionError, LogLevel.Debug),
                    (RelationalEventId.TransactionError, LogLevel.Debug),
                    (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                    (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    // SQLite creates the file but not its folder; a newcomer's first run should not fail on a missing data/.
    private static void CreateSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (source.Length > 0 && source != ":memory:" && !string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
