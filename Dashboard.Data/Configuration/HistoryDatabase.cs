using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Configuration;

/// <summary>How a context is pointed at each provider: the one place the app, the design-time tools and the tests share.</summary>
public static class HistoryDatabase
{
    public const string DefaultSqliteConnection = "Data Source=data/dashboard.db";

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        CreateSqliteFolder(connectionString);
        return builder.UseSqlite(connectionString).UseSnakeCaseNamingConvention();
    }

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

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
