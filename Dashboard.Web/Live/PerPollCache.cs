using System.Collections.Concurrent;

namespace Dashboard.Web.Live;

/// <summary>
/// Shares reads between everyone who asks during one poll: each distinct key is read once per poll, however many
/// viewers or API calls want it, and forgotten when the next poll is published. A failed read is not kept.
/// </summary>
public sealed class PerPollCache(MetricsHub hub)
{
    private readonly Lock _lock = new();
    private ConcurrentDictionary<object, Task<object>> _reads = new();
    private DateTimeOffset? _readsPoll;

    // Reads are shared between callers, so none of them may run with one caller's cancellation token.
    public async Task<T> GetAsync<T>(object key, Func<Task<T>> read)
        where T : notnull
    {
        ConcurrentDictionary<object, Task<object>> reads;
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

        var task = reads.GetOrAdd(key, async _ => await read());
        try
        {
            return (T)await task;
        }
        catch
        {
            reads.TryRemove(new KeyValuePair<object, Task<object>>(key, task));
            throw;
        }
    }
}
