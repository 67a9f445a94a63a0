namespace Dashboard.Cli.Load;

/// <summary>
/// The outcome of a load run. Every event is in exactly one request; a request either succeeded (its events counted
/// as accepted by the server) or failed (counted in <see cref="FailedRequests"/> and <see cref="Errors"/>; those the
/// server refused for their credentials, 401 or 403, also in <see cref="RefusedRequests"/>). A request over the
/// server's rate limit (429) is sent again after its <c>Retry-After</c>: each such answer is counted in
/// <see cref="RateLimitedAnswers"/>, apart from the failures (a request still limited after its last try fails).
/// </summary>
internal sealed record LoadReport(
    string RunId,
    int UsersStarted,
    long EventsSent,
    long EventsAccepted,
    long Requests,
    long FailedRequests,
    long UnreachableRequests,
    long RefusedRequests,
    long RateLimitedAnswers,
    TimeSpan Elapsed,
    LatencySummary LatencyMs,
    IReadOnlyDictionary<string, long> Errors,
    bool Interrupted)
{
    /// <summary>Events the server accepted per second of the run.</summary>
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? EventsAccepted / Elapsed.TotalSeconds : 0;
}
