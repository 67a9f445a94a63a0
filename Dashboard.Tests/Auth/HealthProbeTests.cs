using System.Net;
using Dashboard.Core.Configuration;
using Dashboard.Data;
using Dashboard.Data.Configuration;
using Dashboard.Tests.Data;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Tests.Auth;

/// <summary>The probes orchestrators call without credentials: live when the process answers, ready when the stores are.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Live_Anonymous_Answers200()
    {
        await using var app = new DashboardApp();
        using var client = app.CreateClient(apiKey: null);

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_StoresUpAndMigrated_Answers200()
    {
        await using var app = new DashboardApp();
        using var client = app.CreateClient(apiKey: null);

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task MigrationsCheck_DatabaseNotMigrated_IsUnhealthy()
    {
        await using var database = new SqliteTestDatabase();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddLiveTracking(configuration).AddDashboardHistory(configuration).BuildServiceProvider();
        var check = new MigrationsHealthCheck(services.GetRequiredService<IDbContextFactory<HistoryDbContext>>());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("migrations are pending", result.Description, StringComparison.Ordinal);
    }
}
