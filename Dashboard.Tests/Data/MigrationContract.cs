using Dashboard.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Tests.Data;

/// <summary>The migrations of the provider under test build the whole schema on an empty database, once.</summary>
public abstract class MigrationContract : HistoryDatabaseContract
{
    protected override bool MigrateFirst => false;

    [Fact]
    public async Task StartAsync_EmptyDatabase_AppliesEveryMigration()
    {
        var migrator = Services.GetServices<IHostedService>().First();

        await migrator.StartAsync(default);

        await using var context = await ContextAsync();
        Assert.IsType<HistoryMigrator>(migrator);
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task StartAsync_EmptyDatabase_CreatesEveryTableAndView()
    {
        await Services.GetRequiredService<HistoryMigrator>().StartAsync(default);

        // Each query names every mapped column, so it fails if a table, view or column is missing.
        await using var context = await ContextAsync();
        Assert.Equal(0, await context.UserSessions.CountAsync());
        Assert.Empty(await context.ConcurrentUsersHistory.ToListAsync());
        Assert.Empty(await context.ModuleUsageTracking.ToListAsync());
        Assert.Empty(await context.OrganizationUsageHistory.ToListAsync());
        Assert.Empty(await context.PerformanceMetrics.ToListAsync());
        Assert.Empty(await context.ResourceUtilization.ToListAsync());
        Assert.Empty(await context.PerformanceAlerts.ToListAsync());
        Assert.Empty(await context.UserSessions.ToListAsync());
        Assert.Empty(await context.CurrentActiveSessions.ToListAsync());
        Assert.Empty(await context.ModuleUsageSummaries.ToListAsync());
        Assert.Empty(await context.OrganizationUsageSummaries.ToListAsync());
        Assert.Empty(await context.PerformanceAlertsSummaries.ToListAsync());
    }

    [Fact]
    public async Task MigrateAsync_UpToDateDatabase_ChangesNothing()
    {
        var migrator = Services.GetRequiredService<HistoryMigrator>();
        await migrator.MigrateAsync(default);

        await migrator.MigrateAsync(default);

        await using var context = await ContextAsync();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task StartAsync_MigrateOnStartFalse_LeavesTheDatabaseAlone()
    {
        var settings = new Dictionary<string, string?>(Database.Settings) { ["Dashboard:Database:MigrateOnStart"] = "false" };
        await using var services = BuildServices(settings);

        await services.GetRequiredService<HistoryMigrator>().StartAsync(default);

        await using var context = await ContextAsync();
        Assert.Empty(await context.Database.GetAppliedMigrationsAsync());
    }
}
