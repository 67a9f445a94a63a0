using Dashboard.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Data.DesignTime;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without the app; see docs/data.md.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHistoryDbContext>
{
    public SqliteHistoryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteHistoryDbContext>();
        HistoryDatabase.UseSqlite(options, HistoryDatabase.DefaultSqliteConnection);
        return new SqliteHistoryDbContext(options.Options);
    }
}
