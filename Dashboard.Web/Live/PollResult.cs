using Dashboard.Core.Alerts;
using Dashboard.Core.Performance;
using Dashboard.Core.Resources;
using Dashboard.Core.Tracking;

namespace Dashboard.Web.Live;

/// <summary>
/// What one poll produced: the latest good snapshot, why the live store could not be read this time if it could not
/// (the snapshot is then the last good one, or none), and why history could not be recorded if it could not.
/// </summary>
public sealed record PollResult(
    LiveSnapshot? Snapshot, DateTimeOffset PolledAt, string? LiveStoreError, string? HistoryStoreError = null)
{
    /// <summary>This instance's CPU, memory, database connections and Redis use at the poll.</summary>
    public ResourceSample? Resources { get; init; }

    /// <summary>Response times and errors of the last <see cref="Live.MetricsPoller.PerformanceWindow"/>.</summary>
    public PerformanceSnapshot? Performance { get; init; }

    /// <summary>Active alerts nobody has acknowledged yet; null when the database could not tell.</summary>
    public int? UnacknowledgedAlerts { get; init; }

    /// <summary>Alerts not yet resolved, by severity; null when the database could not tell.</summary>
    public IReadOnlyDictionary<AlertSeverity, int>? OpenAlerts { get; init; }

    /// <summary>Session updates the queue to the database dropped since start, and whether it is dropping them now.</summary>
    public SessionQueueState? SessionQueue { get; init; }

    public bool IsLiveStoreAvailable => LiveStoreError is null;
}
