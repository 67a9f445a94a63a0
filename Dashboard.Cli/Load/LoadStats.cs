namespace Dashboard.Cli.Load;

/// <summary>The counters of a run in progress, updated by requests completing on several threads at once.</summary>
internal sealed class LoadStats
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _eventsSent;
    private long _eventsAccepted;
    private long _requests;
    private long _failedRequests;
    private long _unreachableRequests;
    private long _refusedRequests;
    private long _rateLimitedAnswers;

    public void Sent(int events)
    {
        lock (_lock)
        {
            _requests++;
            _eventsSent += events;
        }
    }

    public void Succeeded(int accepted, TimeSpan latency)
    {
        lock (_lock)
        {
            _eventsAccepted += accepted;
            _latencies.Add(latency.TotalMilliseconds);
        }
    }

    /// <summary>
    /// A failed request; <paramref name="latency"/> only when the server answered (a refusal, not a dead socket);
    /// <paramref name="refused"/> when it refused the credentials (401 or 403).
    /// </summary>
    public void Failed(string error, TimeSpan? latency, bool unreachable, bool refused = false)
    {
        lock (_lock)
        {
            _failedRequests++;
            _unreachableRequests += unreachable ? 1 : 0;
            _refusedRequests += refused ? 1 : 0;
            _errors[error] = _errors.GetValueOrDefault(error) + 1;
            if (latency is { } answered)
            {
                _latencies.Add(answered.TotalMilliseconds);
            }
        }
    }

    /// <summary>The server answered 429: the request waits and is sent again.</summary>
    public void RateLimited()
    {
        lock (_lock)
        {
            _rateLimitedAnswers++;
        }
    }

    public LoadProgress Progress(TimeSpan elapsed, TimeSpan duration, int usersStarted)
    {
        lock (_lock)
        {
            return new LoadProgress(elapsed, duration, usersStarted, _eventsSent, _eventsAccepted, _failedRequests);
        }
    }

    public LoadReport Report(string runId, int usersStarted, TimeSpan elapsed, bool interrupted)
    {
        lock (_lock)
        {
            return new LoadReport(
                runId, usersStarted, _eventsSent, _eventsAccepted, _requests, _failedRequests, _unreachableRequests, _refusedRequests, _rateLimitedAnswers, elapsed,
                LatencySummary.From(_latencies), new Dictionary<string, long>(_errors), interrupted);
        }
    }
}
