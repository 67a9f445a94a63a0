using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Dashboard.Core.Tracking;
using Dashboard.Data.Configuration;
using Dashboard.Tests.Data;
using Dashboard.Web;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Storage;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A bUnit context with the dashboard's real view services on the embedded stores (in-process live store, a SQLite
/// file of its own) and a fake clock. Tests feed it by recording activity and running the real poller once.
/// </summary>
public abstract class DashboardComponentContext : BunitContext, IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    protected DashboardComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Renders on a shared 2-core machine can take seconds; bUnit's default 1 s wait fails there by chance.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        // Numbers and dates on screen must not depend on the machine's culture.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_database.Settings).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddDashboardWeb(configuration, new HostingEnvironment { EnvironmentName = Environments.Production });
        Services.AddSingleton<ILocalStorage>(Storage);
        // Pages that change something name who did it (AddDashboardAuth registers this for the app).
        Services.AddHttpContextAccessor();
        Services.AddScoped<CircuitAuditActor>();
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("test-admin");
        Authorization.SetRoles(DashboardRoles.Admin);
    }

    /// <summary>Who the components see as signed in: an admin unless a test says otherwise.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected FakeLocalStorage Storage { get; } = new();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 5, TimeSpan.Zero));

    protected ILiveStore Store => Services.GetRequiredService<ILiveStore>();

    public Task InitializeAsync() => Services.GetRequiredService<HistoryMigrator>().MigrateAsync(default);

    // MudBlazor's services only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Opens <paramref name="relativeUri"/> so that [SupplyParameterFromQuery] parameters get its query.</summary>
    protected void NavigateTo(string relativeUri) => Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUri);

    /// <summary>Records the activities and runs one poll, as the app's poller would.</summary>
    protected async Task PollAfterAsync(params ActivityEvent[] activities)
    {
        if (activities.Length > 0)
        {
            await Store.RecordAsync(activities, default);
        }

        await Services.GetRequiredService<MetricsPoller>().PollOnceAsync(default);
        // DashboardState coalesces notifications over a short, fake-clock interval.
        Time.Advance(DashboardState.ThrottleInterval);
    }

    protected void PublishStoreDown(string reason)
    {
        var hub = Services.GetRequiredService<MetricsHub>();
        hub.Publish(new PollResult(hub.Latest?.Snapshot, Time.GetUtcNow(), reason));
        Time.Advance(DashboardState.ThrottleInterval);
    }
}
