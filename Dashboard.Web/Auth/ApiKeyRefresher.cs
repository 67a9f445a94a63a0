using Dashboard.Core.Configuration;
using Dashboard.Data.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Every poll interval: writes when stored keys were last used, and reloads the keys in force into
/// <see cref="ApiKeyTable"/>, so a key made or revoked on any instance works or stops everywhere within one interval.
/// A database that is down leaves the table as it was.
/// </summary>
public sealed partial class ApiKeyRefresher(
    ApiKeyTable table, ApiKeyStore store, IOptions<TrackingOptions> tracking, TimeProvider time, ILogger<ApiKeyRefresher> logger)
    : BackgroundService
{
    private bool _failing;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Keys made before this start work from the first request.
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordUseAsync(table.TakeLastUsed(), cancellationToken);
            table.Load(await store.InForceAsync(time.GetUtcNow(), cancellationToken));
            if (_failing)
            {
                _failing = false;
                LogRecovered(logger);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (!_failing)
            {
                _failing = true;
                LogFailed(logger, exception.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(tracking.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reload the API keys from the history database ({Reason}); the keys loaded last stay in force")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reloading the API keys works again")]
    private static partial void LogRecovered(ILogger logger);
}
