using Bunit;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.InProcess;
using Dashboard.Web.Demo;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A bUnit context with the dashboard's real view services: a hub the test publishes polls into (standing in for
/// the poller), a real in-process live store behind the drill-down reads, MudBlazor, and a fake clock.
/// </summary>
public abstract class DashboardComponentContext : BunitContext, IAsyncLifetime
{
    protected DashboardComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(Options.Create(new TrackingOptions()));
        Services.AddSingleton<ILiveStore>(Store);
        Services.AddSingleton(Hub);
        Services.AddSingleton<LiveReads>();
        Services.AddSingleton(new DemoMode(false));
        Services.AddScoped<DashboardState>();
    }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    protected MetricsHub Hub { get; } = new();

    protected InProcessLiveStore Store => _store ??= new InProcessLiveStore(Options.Create(new TrackingOptions()), Time);

    private InProcessLiveStore? _store;

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Opens <paramref name="relativeUri"/> so that [SupplyParameterFromQuery] parameters get its query.</summary>
    protected void NavigateTo(string relativeUri) =>
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(relativeUri);

    /// <summary>Records the activities and publishes a poll of the store, as the poller would.</summary>
    protected async Task PollAfterAsync(params ActivityEvent[] activities)
    {
        await Store.RecordAsync(activities, default);
        var snapshot = await Store.ReadSnapshotAsync(default);
        Hub.Publish(new PollResult(snapshot, snapshot.Timestamp, LiveStoreError: null));
        // DashboardState coalesces notifications over a short, fake-clock interval.
        Time.Advance(DashboardState.ThrottleInterval);
    }

    protected void PublishStoreDown(string reason)
    {
        Hub.Publish(new PollResult(Hub.Latest?.Snapshot, Time.GetUtcNow(), reason));
        Time.Advance(DashboardState.ThrottleInterval);
    }
}
