using Microsoft.Extensions.Options;

namespace Dashboard.Web.Realtime;

/// <summary>
/// The server-sent event streams open on this instance, overall and per client address, held to
/// <see cref="RealtimeOptions"/>: a stream holds a place from its start to its end.
/// </summary>
public sealed class RealtimeConnections(IOptions<RealtimeOptions> options)
{
    private readonly RealtimeOptions _options = options.Value;
    private readonly Lock _lock = new();

    // At most MaxConnections entries: an address is forgotten when its last stream ends.
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private int _open;

    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    /// <summary>A place for one more stream from <paramref name="client"/>, released when disposed; null when none is free.</summary>
    public IDisposable? TryOpen(string client)
    {
        lock (_lock)
        {
            var fromClient = _perClient.GetValueOrDefault(client);
            if (_open >= _options.MaxConnections || fromClient >= _options.MaxConnectionsPerClient)
            {
                return null;
            }

            _open++;
            _perClient[client] = fromClient + 1;
            return new Place(() => Close(client));
        }
    }

    private void Close(string client)
    {
        lock (_lock)
        {
            _open--;
            var left = _perClient[client] - 1;
            if (left == 0)
            {
                _perClient.Remove(client);
            }
            else
            {
                _perClient[client] = left;
            }
        }
    }

    private sealed class Place(Action close) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                close();
            }
        }
    }
}
