using Dashboard.Web.Components.Formatting;
using Dashboard.Web.Live;

namespace Dashboard.Web.Components;

/// <summary>
/// A component that shows its viewer's live view: re-renders after each poll the viewer sees (and on pause or
/// resume), first re-reading what it shows beyond <see cref="DashboardState.Current"/> unless the viewer paused.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private StateSubscription? _subscription;

    [Inject]
    public required DashboardState State { get; init; }

    /// <summary>How this viewer reads numbers and times (their zone, or UTC), cascaded by the layout.</summary>
    [CascadingParameter]
    public DisplayFormat Format { get; set; } = DisplayFormat.Utc;

    protected override void OnInitialized() => _subscription = State.Subscribe(GetType().Name, OnStateChangedAsync);

    /// <summary>Re-reads what this component shows from the per-poll reads; nothing by default.</summary>
    protected virtual Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task OnStateChangedAsync(CancellationToken cancellationToken) => InvokeAsync(async () =>
    {
        if (!State.IsPaused)
        {
            await RefreshAsync(cancellationToken);
        }

        StateHasChanged();
    });
}
