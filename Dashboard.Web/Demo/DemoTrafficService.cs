using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Demo;

/// <summary>Feeds <see cref="DemoTraffic"/> through the same track path as real services, every few seconds.</summary>
public sealed partial class DemoTrafficService(
    ActivityTracker tracker,
    IOptions<DemoOptions> options,
    TimeProvider time,
    OutageLog outages,
    ILogger<DemoTrafficService> logger) : BackgroundService
{
    public static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, options.Value.BaseUsers);
        var traffic = new DemoTraffic(options.Value.BaseUsers, new Random());
        using var timer = new PeriodicTimer(StepInterval, time);
        do
        {
            try
            {
                foreach (var batch in traffic.Step(time.GetUtcNow()).Chunk(ActivityTracker.MaxBatchSize))
                {
                    await tracker.TrackBatchAsync(batch, stoppingToken);
                }
            }
            catch (StoreUnavailableException exception)
            {
                outages.Failed(exception.Store, exception.InnerException ?? exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic is on: about {BaseUsers} made-up users (Dashboard:Demo:Enabled=false turns it off)")]
    private static partial void LogStarted(ILogger logger, int baseUsers);
}
