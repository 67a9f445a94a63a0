using Dashboard.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Data.DesignTime;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without the app. Adding a migration never connects; commands
/// that do (remove, database update) take the connection string after <c>--</c>. See docs/data.md.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHistoryDbContext>
{
    public PostgresHistoryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresHistoryDbContext>();
        HistoryDatabase.UsePostgres(options, args.FirstOrDefault() ?? "Host=localhost;Database=dashboard;Username=postgres");
        return new PostgresHistoryDbContext(options.Options);
    }
}
