using Dashboard.Core.Configuration;
using Dashboard.Data;
using Dashboard.Data.Configuration;
using Dashboard.Data.History;
using Dashboard.Data.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Configuration;

public sealed class HistoryRegistrationTests
{
    [Fact]
    public async Task AddDashboardHistory_Defaults_UseSqliteAndStartTheMigratorFirst()
    {
        await using var services = Build([]);

        await using var context = await services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();

        Assert.IsType<SqliteHistoryDbContext>(context);
        Assert.Equal("Data Source=data/dashboard.db", context.Database.GetConnectionString());
        Assert.Equal([typeof(HistoryMigrator), typeof(SessionFlusher), typeof(HistoryRetention)],
            services.GetServices<IHostedService>().Select(service => service.GetType()));
        Assert.True(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart);
    }

    [Fact]
    public async Task AddDashboardHistory_SqliteFileInAMissingFolder_CreatesTheFolder()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("dashboard-registration-").FullName, "nested", "data");
        await using var services = Build(new() { ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "history.db")}" });

        await services.GetRequiredService<HistoryMigrator>().MigrateAsync(default);

        Assert.True(File.Exists(Path.Combine(folder, "history.db")));
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, recursive: true);
    }

    [Fact]
    public async Task AddDashboardHistory_Postgres_UsesItsConnectionString()
    {
        await using var services = Build(new()
        {
            ["Dashboard:HistoryStore"] = "postgres",
            ["ConnectionStrings:Postgres"] = "Host=db.internal;Database=dashboard",
        });

        await using var context = await services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();

        Assert.IsType<PostgresHistoryDbContext>(context);
        // With the default connect timeout in place of Npgsql's 15 s.
        Assert.Equal("Host=db.internal;Database=dashboard;Timeout=2", context.Database.GetConnectionString());
    }

    [Fact]
    public async Task AddDashboardHistory_PostgresConnectTimeout_ReplacesTheConnectionStringsTimeout()
    {
        await using var services = Build(new()
        {
            ["Dashboard:HistoryStore"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "Host=db.internal;Database=dashboard;Timeout=15",
            ["Dashboard:Database:ConnectTimeout"] = "00:00:00.500",
        });

        await using var context = await services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();

        // Npgsql takes whole seconds: half a second is rounded up, never down to "wait forever" (0).
        Assert.Equal("Host=db.internal;Database=dashboard;Timeout=1", context.Database.GetConnectionString());
    }

    [Fact]
    public void AddDashboardHistory_PostgresConnectTimeoutOutOfRange_FailsSayingTheRange()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new()
        {
            ["Dashboard:HistoryStore"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "Host=db.internal;Database=dashboard",
            ["Dashboard:Database:ConnectTimeout"] = "00:00:00",
        }));

        Assert.Equal("Dashboard:Database:ConnectTimeout must be between 00:00:01 and 00:17:04; it is 00:00:00.", error.Message);
    }

    [Fact]
    public void AddDashboardHistory_PostgresWithoutConnectionString_FailsSayingWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Dashboard:HistoryStore"] = "Postgres" }));

        Assert.StartsWith("Dashboard:HistoryStore is Postgres but ConnectionStrings:Postgres is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDashboardHistory_UnknownStore_FailsListingTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Dashboard:HistoryStore"] = "Mongo" }));

        Assert.Equal("Dashboard:HistoryStore is \"Mongo\"; it must be one of: Sqlite, Postgres.", error.Message);
    }

    [Fact]
    public async Task ValidateOnStart_BadRetentionAndPersistence_FailsWithEveryProblem()
    {
        await using var services = Build(new()
        {
            ["Dashboard:Retention:HourlyRows"] = "1.00:00:00",
            ["Dashboard:Persistence:BatchSize"] = "0",
        });

        var error = Assert.Throws<AggregateException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(2, error.InnerExceptions.Count);
        Assert.All(error.InnerExceptions, inner => Assert.IsType<OptionsValidationException>(inner));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLiveTracking(configuration).AddDashboardHistory(configuration);
        return services.BuildServiceProvider();
    }
}
