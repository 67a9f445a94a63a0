namespace Dashboard.Web.Live;

/// <summary>
/// One viewer's live view (scoped to a circuit): follows the hub, can be paused without affecting anyone else,
/// and tells its subscribers when to re-render, at most once per <see cref="ThrottleInterval"/>.
/// </summary>
public sealed class DashboardState : IDisposable
{
    public static readonly TimeSpan ThrottleInterval = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly ILogger<DashboardState> _logger;
    private readonly IDisposable _hubSubscription;
    private readonly Lock _lock = new();
    private readonly List<StateSubscription> _subscriptions = [];
    private PollResult? _newest;
    private DateTimeOffset _shownAt = DateTimeOffset.MinValue;
    private int _notifyPending;

    public DashboardState(MetricsHub hub, TimeProvider time, ILogger<DashboardState> logger)
    {
        _time = time;
        _logger = logger;
        _newest = Current = hub.Latest;
        _hubSubscription = hub.Subscribe(OnPoll);
    }

    /// <summary>What this viewer sees: the newest poll, or the one shown when they paused.</summary>
    public PollResult? Current { get; private set; }

    public bool IsPaused { get; private set; }

    /// <summary>
    /// How often this viewer's view takes the newest poll; null takes every poll. A poll that comes sooner waits
    /// for the next one after the interval, so an interval shorter than the poll interval is every poll.
    /// </summary>
    public TimeSpan? RefreshInterval { get; private set; }

    public void SetRefreshInterval(TimeSpan? interval)
    {
        // What the viewer sees now counts as just refreshed: the interval runs from the choice.
        RefreshInterval = interval;
        _shownAt = _time.GetUtcNow();
        _ = NotifyAsync();
    }

    /// <summary>
    /// Calls <paramref name="onChanged"/> (off the UI thread) whenever <see cref="Current"/> or <see cref="IsPaused"/>
    /// changed, until the subscription is disposed; <paramref name="name"/> names it in the log when it fails.
    /// </summary>
    public StateSubscription Subscribe(string name, Func<CancellationToken, Task> onChanged)
    {
        var subscription = new StateSubscription(name, onChanged, Unsubscribe);
        lock (_lock)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public void SetPaused(bool paused)
    {
        IsPaused = paused;
        if (!paused)
        {
            Current = _newest;
        }

        _ = NotifyAsync();
    }

    public void Dispose() => _hubSubscription.Dispose();

    private void Unsubscribe(StateSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private void OnPoll(PollResult result)
    {
        _newest = result;
        var now = _time.GetUtcNow();
        if (!IsPaused && (RefreshInterval is not { } interval || now - _shownAt >= interval))
        {
            _shownAt = now;
            Current = result;
            _ = NotifyAsync();
        }
    }

    // Coalesces bursts: a notification already waiting covers the ones that arrive meanwhile. Never throws: each
    // subscriber's failure is logged by its subscription.
    private async Task NotifyAsync()
    {
        if (Interlocked.Exchange(ref _notifyPending, 1) == 1)
        {
            return;
        }

        await Task.Delay(ThrottleInterval, _time);
        Interlocked.Exchange(ref _notifyPending, 0);
        StateSubscription[] subscriptions;
        lock (_lock)
        {
            subscriptions = [.. _subscriptions];
        }

        await Task.WhenAll(subscriptions.Select(subscription => subscription.RunAsync(_logger)));
    }
}
