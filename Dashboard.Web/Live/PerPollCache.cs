using System.Collections.Concurrent;

namespace Dashboard.Web.Live;

/// <summary>
/// Shares reads between everyone who asks during one poll: each distinct key is read once per poll, however many
/// viewers or API calls want it, and forgotten when the next poll is published. A failed read is not kept.
/// </summary>
public sealed class PerPollCache(MetricsHub hub)
{
    private readonly Lock _lock = new();
    private ConcurrentDictionary<object, Lazy<Task<object>>> _reads = new();
    private DateTimeOffset? _readsPoll;

    // Reads are shared between callers, so none of them may run with one caller's cancellation token.
    public async Task<T> GetAsync<T>(object key, Func<Task<T>> read)
        where T : notnull
    {
        ConcurrentDictionary<object, Lazy<Task<object>>> reads;
        lock (_lock)
        {
            var poll = hub.Latest?.PolledAt;
            if (poll != _readsPoll)
            {
                _reads = new();
                _readsPoll = poll;
            }

            reads = _reads;
        }

        // Callers racing on a new key may each build a Lazy, but only the one stored is ever started.
        var lazy = reads.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await read()));
        try
        {
            return (T)await lazy.Value;
        }
        catch
        {
            reads.TryRemove(new KeyValuePair<object, Lazy<Task<object>>>(key, lazy));
            throw;
        }
    }
}
