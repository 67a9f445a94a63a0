using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Live;

/// <summary>
/// Reads one snapshot from the live store every poll interval and publishes it to the hub. The only reader of the
/// live store for viewers: one per instance, whatever the number of dashboards or streams open.
/// </summary>
public sealed partial class MetricsPoller(
    ILiveStore store,
    MetricsHub hub,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<MetricsPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            await PollOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll: a failure is published (the UI shows a banner) and the next tick tries again.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await store.ReadSnapshotAsync(cancellationToken);
            hub.Publish(new PollResult(snapshot, snapshot.Timestamp, LiveStoreError: null));
        }
        catch (StoreUnavailableException exception)
        {
            LogStoreUnavailable(logger, exception.Message);
            hub.Publish(new PollResult(hub.Latest?.Snapshot, time.GetUtcNow(), exception.Message));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll failed, the live store is unavailable: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string reason);
}
