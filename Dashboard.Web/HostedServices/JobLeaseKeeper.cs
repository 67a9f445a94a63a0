using Dashboard.Core.Leases;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.HostedServices;

/// <summary>
/// Renews this instance's job leases every renew interval (a third of their duration), so a job that runs less often
/// than its lease lasts keeps its instance, and releases them when the app stops so another instance takes over at once.
/// </summary>
public sealed class JobLeaseKeeper(JobLeases leases, IOptions<LeaseOptions> options, TimeProvider time) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAllAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The host may dispose of its services while a second stop is under way (the app's Run and its owner both
            // stop it): the leases then expire by themselves within their duration.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await leases.RenewHeldAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync releases the leases.
        }
    }
}
