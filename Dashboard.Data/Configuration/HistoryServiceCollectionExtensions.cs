using Dashboard.Core.Configuration;
using Dashboard.Data.Alerts;
using Dashboard.Data.Audit;
using Dashboard.Data.History;
using Dashboard.Data.Identity;
using Dashboard.Data.Resources;
using Dashboard.Data.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.Configuration;

public static class HistoryServiceCollectionExtensions
{
    public const string HistoryStoreKey = "Dashboard:HistoryStore";

    /// <summary>
    /// Registers history on the database chosen by <c>Dashboard:HistoryStore</c> (Sqlite by default, or Postgres):
    /// a pooled <see cref="IDbContextFactory{HistoryDbContext}"/>, validated retention and database options, the
    /// <see cref="HistoryRecorder"/> and <see cref="HistoryQueries"/>, and the hosted services in start order: the
    /// migrator, the <see cref="SessionFlusher"/> and the <see cref="HistoryRetention"/> job.
    /// Call <see cref="TrackingServiceCollectionExtensions.AddLiveTracking"/> first: it registers the session queue
    /// and the live samples these use.
    /// </summary>
    public static IServiceCollection AddDashboardHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateOnStart();

        switch (ReadHistoryStoreKind(configuration))
        {
            case HistoryStoreKind.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        $"{HistoryStoreKey} is Postgres but ConnectionStrings:Postgres is empty: give an Npgsql connection string such as \"Host=localhost;Database=dashboard;Username=dashboard;Password=...\".");
                }

                var connectTimeout = configuration.GetValue<TimeSpan?>($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectTimeout)}")
                    ?? new DatabaseOptions().ConnectTimeout;
                postgres = HistoryDatabase.WithConnectTimeout(postgres, connectTimeout);
                var circuit = new ConnectionCircuit(connectTimeout);
                services.AddPooledDbContextFactory<PostgresHistoryDbContext>(options => HistoryDatabase.UsePostgres(options, postgres).AddInterceptors(circuit));
                services.AddSingleton<IDbContextFactory<HistoryDbContext>, HistoryDbContextFactory<PostgresHistoryDbContext>>();
                break;
            default:
                var sqlite = configuration.GetConnectionString("Sqlite");
                sqlite = string.IsNullOrWhiteSpace(sqlite) ? HistoryDatabase.DefaultSqliteConnection : sqlite;
                services.AddPooledDbContextFactory<SqliteHistoryDbContext>(options => HistoryDatabase.UseSqlite(options, sqlite));
                services.AddSingleton<IDbContextFactory<HistoryDbContext>, HistoryDbContextFactory<SqliteHistoryDbContext>>();
                break;
        }

        services.AddSingleton<HistoryRecorder>();
        services.AddSingleton<PerformanceRecorder>();
        services.AddSingleton<PerformanceQueries>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertRuleStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ResourceRecorder>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<HistoryMigrator>();
        services.AddSingleton<SessionFlusher>();
        services.AddSingleton<HistoryRetention>();
        // Hosted services start in this order: the schema first, then what writes to it.
        services.AddHostedService(provider => provider.GetRequiredService<HistoryMigrator>());
        services.AddHostedService(provider => provider.GetRequiredService<SessionFlusher>());
        services.AddHostedService(provider => provider.GetRequiredService<HistoryRetention>());
        return services;
    }

    private static HistoryStoreKind ReadHistoryStoreKind(IConfiguration configuration)
    {
        var value = configuration[HistoryStoreKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return HistoryStoreKind.Sqlite;
        }

        return Enum.TryParse<HistoryStoreKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException(
                $"{HistoryStoreKey} is \"{value}\"; it must be one of: {string.Join(", ", Enum.GetNames<HistoryStoreKind>())}.");
    }
}
