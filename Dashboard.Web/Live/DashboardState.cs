namespace Dashboard.Web.Live;

/// <summary>
/// One viewer's live view (scoped to a circuit): follows the hub, can be paused without affecting anyone else,
/// and tells its components when to re-render, at most once per <see cref="ThrottleInterval"/>.
/// </summary>
public sealed class DashboardState : IDisposable
{
    public static readonly TimeSpan ThrottleInterval = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    private PollResult? _newest;
    private int _notifyPending;

    public DashboardState(MetricsHub hub, TimeProvider time)
    {
        _time = time;
        _newest = Current = hub.Latest;
        _subscription = hub.Subscribe(OnPoll);
    }

    /// <summary>Raised (off the UI thread) when <see cref="Current"/> or <see cref="IsPaused"/> changed.</summary>
    public event Func<Task>? Changed;

    /// <summary>What this viewer sees: the newest poll, or the one shown when they paused.</summary>
    public PollResult? Current { get; private set; }

    public bool IsPaused { get; private set; }

    public void SetPaused(bool paused)
    {
        IsPaused = paused;
        if (!paused)
        {
            Current = _newest;
        }

        _ = NotifyAsync();
    }

    public void Dispose() => _subscription.Dispose();

    private void OnPoll(PollResult result)
    {
        _newest = result;
        if (!IsPaused)
        {
            Current = result;
            _ = NotifyAsync();
        }
    }

    // Coalesces bursts: a notification already waiting covers the ones that arrive meanwhile.
    private async Task NotifyAsync()
    {
        if (Interlocked.Exchange(ref _notifyPending, 1) == 1)
        {
            return;
        }

        await Task.Delay(ThrottleInterval, _time);
        Interlocked.Exchange(ref _notifyPending, 0);
        if (Changed is { } changed)
        {
            await changed();
        }
    }
}
