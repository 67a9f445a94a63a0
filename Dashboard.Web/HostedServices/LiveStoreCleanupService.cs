using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.HostedServices;

/// <summary>Forgets expired sessions every cleanup interval. Idempotent, so every instance runs it.</summary>
public sealed partial class LiveStoreCleanupService(
    ILiveStore store,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    OutageLog outages,
    ILogger<LiveStoreCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await store.CleanupAsync(stoppingToken);
                LogCleaned(logger, removed);
            }
            catch (StoreUnavailableException exception)
            {
                // Skipped: the next interval cleans up what this one could not.
                outages.Failed(exception.Store, exception.InnerException ?? exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live store cleanup removed {Sessions} expired sessions")]
    private static partial void LogCleaned(ILogger logger, long sessions);
}
