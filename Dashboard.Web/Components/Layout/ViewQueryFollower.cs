using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components.Routing;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// Keeps the viewer's live view as the URL says (<see cref="ViewQuery"/>): applies its refresh on every navigation,
/// keeps a kiosk live, and adds the refresh and kiosk choice to link clicks inside the app so they survive navigation.
/// Renders nothing.
/// </summary>
public sealed class ViewQueryFollower : ComponentBase, IDisposable
{
    private IDisposable? _linkHandler;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required DashboardState State { get; init; }

    protected override void OnInitialized()
    {
        Apply(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    // Link interception only happens once the circuit is live; prerendering has nothing to register with.
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _linkHandler = Navigation.RegisterLocationChangingHandler(CarryOntoLinkAsync);
        }
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _linkHandler?.Dispose();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs change) => Apply(change.Location);

    // Only clicked links: Back and Forward must reach the entry as it was, and the app's own navigations carry the view
    // themselves (ViewNavigation).
    private ValueTask CarryOntoLinkAsync(LocationChangingContext context)
    {
        var target = ViewQuery.FromUri(Navigation.Uri).AppendTo(context.TargetLocation);
        if (context.IsNavigationIntercepted && target != context.TargetLocation)
        {
            context.PreventNavigation();
            Navigation.NavigateTo(target);
        }

        return ValueTask.CompletedTask;
    }

    private void Apply(string uri)
    {
        var view = ViewQuery.FromUri(uri);
        if (!view.TryReadRefresh(out var paused, out var interval))
        {
            return;
        }

        // A wall screen nobody touches must not stay paused.
        paused &= !view.Kiosk;
        if (State.RefreshInterval != interval)
        {
            State.SetRefreshInterval(interval);
        }

        if (State.IsPaused != paused)
        {
            State.SetPaused(paused);
        }
    }
}
