using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Dashboard.Web.Health;

/// <summary>
/// Whether the live store answers: a PING to every Redis primary (a cluster is only as healthy as its shards),
/// or always healthy for the in-process store. The cause of a failure goes to the outage log, not the answer.
/// </summary>
public sealed class LiveStoreHealthCheck(IServiceProvider services, OutageLog outages) : IHealthCheck
{
    /// <summary>"redis", as the spec's health output names it, or "live_store" for the in-process store.</summary>
    public static string NameFor(LiveStoreKind kind) => kind == LiveStoreKind.Redis ? "redis" : "live_store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return HealthCheckResult.Healthy("In-process live store (no Redis configured).");
        }

        var primaries = redis.GetServers().Where(server => !server.IsReplica).ToList();
        if (primaries.Count == 0)
        {
            return HealthCheckResult.Unhealthy("No Redis server is connected.");
        }

        try
        {
            var latencies = await Task.WhenAll(primaries.Select(server => server.PingAsync()));
            outages.Succeeded(StoreUnavailableException.LiveStore);
            return HealthCheckResult.Healthy(
                $"{primaries.Count} Redis primary server(s) answered PING in at most {latencies.Max().TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            outages.Failed(StoreUnavailableException.LiveStore, exception);
            return HealthCheckResult.Unhealthy("Redis did not answer PING.");
        }
    }
}
