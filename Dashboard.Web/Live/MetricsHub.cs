using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Dashboard.Web.Live;

/// <summary>
/// Where the poller publishes each poll (the push path): every viewer's <see cref="DashboardState"/>, the SSE stream
/// and API reads of "now" are served from it, so their number never changes how often the stores are read. Its poll
/// time also marks when the per-poll reads (<see cref="PerPollCache"/>) start afresh.
/// </summary>
public sealed class MetricsHub
{
    private readonly Lock _lock = new();
    private readonly List<Action<PollResult>> _subscribers = [];

    /// <summary>The latest poll, or null before the first one finished.</summary>
    public PollResult? Latest { get; private set; }

    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(PollResult result)
    {
        Action<PollResult>[] subscribers;
        lock (_lock)
        {
            Latest = result;
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(result);
        }
    }

    /// <summary>Calls <paramref name="onPoll"/> after every poll until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Action<PollResult> onPoll)
    {
        lock (_lock)
        {
            _subscribers.Add(onPoll);
        }

        return new Subscription(() =>
        {
            lock (_lock)
            {
                _subscribers.Remove(onPoll);
            }
        });
    }

    /// <summary>The latest poll, then each new one; a slow reader skips to the newest instead of queueing.</summary>
    public async IAsyncEnumerable<PollResult> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var updates = Channel.CreateBounded<PollResult>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var subscription = Subscribe(result => updates.Writer.TryWrite(result));
        if (Latest is { } latest)
        {
            updates.Writer.TryWrite(latest);
        }

        await foreach (var update in updates.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
