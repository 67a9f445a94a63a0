using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Pages;

public sealed partial class Home : IDisposable
{
    [Inject]
    public required DashboardState State { get; init; }

    [Inject]
    public required IOptions<TrackingOptions> Tracking { get; init; }

    private LiveSnapshot? Snapshot => State.Current?.Snapshot;

    private int WindowSeconds => (int)Tracking.Value.ActivityWindow.TotalSeconds;

    private string LastUpdated => State.Current is { } current
        ? $"updated {current.PolledAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC"
        : "waiting for the first poll";

    protected override void OnInitialized() => State.Changed += OnChangedAsync;

    public void Dispose() => State.Changed -= OnChangedAsync;

    private Task OnChangedAsync() => InvokeAsync(StateHasChanged);
}
