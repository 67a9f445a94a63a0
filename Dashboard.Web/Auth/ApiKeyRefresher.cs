using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Data.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Every poll interval: writes when stored keys were last used, and reloads the keys in force into
/// <see cref="ApiKeyTable"/>, so a key made or revoked on any instance works or stops everywhere within one interval.
/// A database that is down leaves the table as it was, and is logged as the database's outage, once.
/// </summary>
public sealed class ApiKeyRefresher(
    ApiKeyTable table, ApiKeyStore store, IOptions<TrackingOptions> tracking, TimeProvider time, OutageLog outages)
    : BackgroundService
{

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
            outages.Succeeded(StoreUnavailableException.HistoryDatabase);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            outages.Failed(StoreUnavailableException.HistoryDatabase, exception);
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
}
