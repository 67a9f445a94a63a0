using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Live;

public sealed class DashboardStateTests : IDisposable
{
    // Only the throttle's delay runs on this clock; the polls carry times of their own.
    private readonly FakeTimeProvider _time = new();
    private readonly MetricsHub _hub = new();
    private readonly RecordingLogger<DashboardState> _logger = new();
    private readonly DashboardState _state;
    private int _notified;

    public DashboardStateTests()
    {
        _state = new DashboardState(_hub, _time, _logger);
    }

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Notify_ASubscriberThrows_IsLoggedByNameAndTheOthersStillRun()
    {
        using var failing = _state.Subscribe("FailingPanel", _ => throw new InvalidOperationException("refresh broke"));
        using var counting = _state.Subscribe("CountingPanel", CountAsync);

        _hub.Publish(Poll(0));
        _time.Advance(DashboardState.ThrottleInterval);

        await Eventually.HoldsAsync(() => Volatile.Read(ref _notified) == 1, "the second subscriber ran");
        await Eventually.HoldsAsync(() => _logger.Entries.Any(entry => entry.Level == LogLevel.Error), "the failure was logged");
        Assert.Contains("FailingPanel", Assert.Single(_logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_TwoPollsWithinTheThrottle_NotifyOnceWithTheNewest()
    {
        PollResult? shown = null;
        using var subscription = _state.Subscribe("Panel", _ =>
        {
            shown = _state.Current;
            return CountAsync(default);
        });

        _hub.Publish(Poll(0));
        _hub.Publish(Poll(1));
        _time.Advance(DashboardState.ThrottleInterval);

        await Eventually.HoldsAsync(() => Volatile.Read(ref _notified) == 1, "the subscriber was notified");
        Assert.Equal(Poll(1), shown);
        _time.Advance(DashboardState.ThrottleInterval);
        Assert.Equal(1, _notified);
    }

    [Fact]
    public void Publish_WhilePaused_KeepsWhatTheViewerSawUntilResumed()
    {
        _hub.Publish(Poll(0));
        _state.SetPaused(true);

        _hub.Publish(Poll(1));
        Assert.Equal(Poll(0), _state.Current);

        _state.SetPaused(false);
        Assert.Equal(Poll(1), _state.Current);
    }

    [Fact]
    public async Task Notify_AfterTheSubscriptionIsDisposed_DoesNotCallIt()
    {
        using var counting = _state.Subscribe("Counting", CountAsync);
        _state.Subscribe("Closed", _ => throw new InvalidOperationException("a closed page was refreshed")).Dispose();

        _hub.Publish(Poll(0));
        _time.Advance(DashboardState.ThrottleInterval);

        await Eventually.HoldsAsync(() => Volatile.Read(ref _notified) == 1, "the open subscriber ran");
        Assert.Empty(_logger.Entries);
    }

    private Task CountAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _notified);
        return Task.CompletedTask;
    }

    private static PollResult Poll(int seconds) => new(null, DateTimeOffset.UnixEpoch.AddSeconds(seconds), null);
}
