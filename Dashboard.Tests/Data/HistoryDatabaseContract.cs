using Dashboard.Core.Configuration;
using Dashboard.Data;
using Dashboard.Data.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Data;

/// <summary>
/// The base of every history contract: a fresh database of the provider under test, migrated, and the app's own
/// registrations (AddLiveTracking, then AddDashboardHistory) on a fake clock.
/// </summary>
public abstract class HistoryDatabaseContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;
    private ServiceProvider? _services;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Settings on top of the database's; a test class changes them to try other options.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Whether the database is migrated before each test.</summary>
    protected virtual bool MigrateFirst => true;

    private protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public virtual async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _services = BuildServices(Database.Settings);
        if (MigrateFirst)
        {
            await Services.GetRequiredService<HistoryMigrator>().MigrateAsync(default);
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>An empty database of the provider under test.</summary>
    private protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>What the app would build from these settings, on <see cref="Time"/>.</summary>
    private protected ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection(ExtraSettings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging();
        services.AddLiveTracking(configuration).AddDashboardHistory(configuration);
        ConfigureServices(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Replaces registrations of the app's, such as a logger a test reads.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected Task<HistoryDbContext> ContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();

    protected async Task AddAsync(params object[] rows)
    {
        await using var context = await ContextAsync();
        context.AddRange(rows);
        await context.SaveChangesAsync();
    }
}
