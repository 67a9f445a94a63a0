using Dashboard.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Data.DesignTime;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without the app; adding a migration never connects, and
/// commands that do take <c>--connection</c>. See docs/data.md.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHistoryDbContext>
{
    public PostgresHistoryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresHistoryDbContext>();
        HistoryDatabase.UsePostgres(options, "Host=localhost;Database=dashboard;Username=postgres");
        return new PostgresHistoryDbContext(options.Options);
    }
}
