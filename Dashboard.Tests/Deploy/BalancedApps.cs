using Dashboard.Core.Configuration;
using Dashboard.Data;
using Dashboard.Data.Configuration;
using Dashboard.Data.Entities;
using Dashboard.Tests.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Deploy;

/// <summary>
/// docs/deploy.md's topology: three dashboard processes on one Redis and one PostgreSQL database of their own,
/// behind HAProxy on deploy/haproxy.cfg, with a poll each second and 3 s job leases.
/// </summary>
internal sealed class BalancedApps : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    // The servers' names in deploy/haproxy.cfg, which are also their sticky cookie's values.
    public static readonly string[] Names = ["app1", "app2", "app3"];

    private readonly PostgresTestDatabase _database;

    private BalancedApps(PostgresTestDatabase database, List<RunningApp> apps, Haproxy balancer)
    {
        _database = database;
        Apps = apps;
        Balancer = balancer;
    }

    /// <summary>The instances, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<RunningApp> Apps { get; }

    public Haproxy Balancer { get; }

    public static async Task<BalancedApps> StartAsync(IReadOnlyDictionary<string, string> more)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Dashboard:HistoryStore"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = (await TestServers.RedisAsync()).Endpoint,
            ["Dashboard:Tracking:KeyPrefix"] = $"lb-{Guid.NewGuid():N}",
            ["Dashboard:Tracking:PollInterval"] = "00:00:01",
            ["Dashboard:Leases:Duration"] = "00:00:03",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        // One after the other: the first migrates the database, and three starting at once on two busy cores can
        // each miss RunningApp's minute.
        var apps = new List<RunningApp>();
        foreach (var _ in Names)
        {
            apps.Add(await RunningApp.StartAsync(settings));
        }

        var balanced = new BalancedApps(database, apps, await Haproxy.StartAsync([.. apps.Select(app => app.Address)]));
        await Eventually.HoldsAsync(async () => (await balanced.InstancesAnsweringAsync()).Count == 3, "HAProxy sends requests to all three instances");
        return balanced;
    }

    /// <summary>An API client of the balancer as platform services are: it keeps no cookies, so the balancer spreads its requests.</summary>
    public HttpClient ApiClient()
    {
        // A client that kept HAProxy's sticky cookie would be sent to the same instance every time.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Balancer.Address };
        TestApiKeys.Send(client, TestApiKeys.Default);
        return client;
    }

    /// <summary>Every minute row written so far.</summary>
    public async Task<List<ConcurrentUsersHistory>> MinuteRowsAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_database.Settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddLiveTracking(configuration).AddDashboardHistory(configuration).BuildServiceProvider();
        await using var context = await services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();
        return await context.ConcurrentUsersHistory.AsNoTracking().Where(row => row.Granularity == HistoryGranularity.Minute).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Balancer.Dispose();
        foreach (var app in Apps)
        {
            await app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private async Task<HashSet<string>> InstancesAnsweringAsync()
    {
        using var client = ApiClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var request = 0; request < 6; request++)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode && response.Headers.TryGetValues("X-Dashboard-Instance", out var names))
            {
                seen.Add(names.Single());
            }
        }

        return seen;
    }
}
