using Dashboard.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Data.DesignTime;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite model without the app; commands that open the database take its
/// connection string after <c>--</c>. See docs/data.md.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHistoryDbContext>
{
    public SqliteHistoryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteHistoryDbContext>();
        HistoryDatabase.UseSqlite(options, args.FirstOrDefault() ?? HistoryDatabase.DefaultSqliteConnection);
        return new SqliteHistoryDbContext(options.Options);
    }
}
