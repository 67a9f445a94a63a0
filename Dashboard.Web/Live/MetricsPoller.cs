using Dashboard.Core.Configuration;
using Dashboard.Core.Leases;
using Dashboard.Core.Performance;
using Dashboard.Core.Persistence;
using Dashboard.Core.Tracking;
using Dashboard.Data.Alerts;
using Dashboard.Data.History;
using Dashboard.Data.Resources;
using Dashboard.Web.Alerts;
using Dashboard.Web.Performance;
using Dashboard.Web.Resources;
using Dashboard.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Live;

/// <summary>
/// Reads one snapshot from the live store every poll interval, records it as history with this instance's resources,
/// runs the alert rules on it, and publishes it to the hub: the start of the push path, one per instance whatever the
/// number of dashboards or streams open. What the snapshot does not carry (drill-downs, session lists, ranges) is read
/// on demand by the per-poll reads instead (docs/architecture.md).
/// </summary>
public sealed partial class MetricsPoller(
    ILiveStore store,
    ApiLatencies apiLatencies,
    HistoryRecorder recorder,
    PerformanceRecorder performanceRecorder,
    ResourceSampler resources,
    ResourceRecorder resourceRecorder,
    AlertMonitor alerts,
    JobLeases leases,
    SessionUpdateQueue sessionQueue,
    MetricsHub hub,
    DashboardMetrics metrics,
    OutageLog outages,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<MetricsPoller> logger) : BackgroundService
{
    /// <summary>The window the response-time percentiles and error rate of each poll cover.</summary>
    public static readonly TimeSpan PerformanceWindow = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A bug in one poll must not stop every later poll (and with them the dashboard), nor must a
                // cancellation that is not the app's shutdown (a store's client giving up on a command).
                LogPollFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// One poll. A store that is down is published (the UI shows a banner) and the next tick tries again; history
    /// missed while the database is down is rebuilt from the live samples when it is back.
    /// </summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await PollAsync(cancellationToken);
        }
        finally
        {
            metrics.PollDuration.Record(time.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        LiveSnapshot snapshot;
        PerformanceSnapshot performance;
        var apiRequests = apiLatencies.Take();
        try
        {
            await store.RecordLatenciesAsync(ApiLatencies.ModuleId, apiRequests, cancellationToken);
            apiRequests = new LatencyHistogram();
            snapshot = await store.ReadSnapshotAsync(cancellationToken);
            performance = await store.ReadPerformanceAsync(snapshot.Timestamp - PerformanceWindow, snapshot.Timestamp, cancellationToken);
        }
        catch (StoreUnavailableException exception)
        {
            apiLatencies.GiveBack(apiRequests);
            outages.Failed(exception.Store, exception.InnerException ?? exception);
            hub.Publish(new PollResult(hub.Latest?.Snapshot, time.GetUtcNow(), exception.Message, hub.Latest?.HistoryStoreError)
            {
                SessionQueue = new SessionQueueState(sessionQueue.Dropped, sessionQueue.IsDropping),
            });
            return;
        }

        outages.Succeeded(StoreUnavailableException.LiveStore);

        var sample = await resources.SampleAsync(cancellationToken);
        string? liveError = null;
        string? historyError = null;
        OpenAlertCounts? openAlerts = null;
        try
        {
            // Every instance polls for its own viewers; only the holder of the history lease writes the cluster's rows.
            if (await leases.HoldAsync(JobNames.History, cancellationToken))
            {
                await recorder.RecordAsync(snapshot, cancellationToken);
                await RecordPerformanceMinutesAsync(snapshot.Timestamp, cancellationToken);
            }

            await resourceRecorder.RecordAsync(sample, cancellationToken);
            openAlerts = await alerts.EvaluateAsync(snapshot, performance, sample, cancellationToken);
            outages.Succeeded(StoreUnavailableException.HistoryDatabase);
        }
        catch (StoreUnavailableException exception)
        {
            // Recording reads the live store's samples too: which store failed decides which banner shows.
            outages.Failed(exception.Store, exception.InnerException ?? exception);
            if (exception.Store == StoreUnavailableException.LiveStore)
            {
                liveError = exception.Message;
            }
            else
            {
                historyError = exception.Message;
            }
        }

        hub.Publish(new PollResult(snapshot, snapshot.Timestamp, liveError, historyError)
        {
            Resources = sample,
            Performance = performance,
            UnacknowledgedAlerts = openAlerts?.Unacknowledged,
            OpenAlerts = openAlerts?.BySeverity,
            SessionQueue = new SessionQueueState(sessionQueue.Dropped, sessionQueue.IsDropping),
        });
    }

    // This minute so far, and the one before: another instance may have counted its last requests after this one
    // last wrote it.
    private async Task RecordPerformanceMinutesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var minute in new[] { now.AddMinutes(-1), now })
        {
            var performance = await store.ReadPerformanceAsync(minute, minute, cancellationToken);
            await performanceRecorder.RecordMinuteAsync(minute, performance, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
