using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>Runs a Redis call and turns "Redis is down for now" into <see cref="StoreUnavailableException"/>.</summary>
internal static class RedisCalls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            throw new StoreUnavailableException(StoreUnavailableException.LiveStore, exception);
        }
    }

    // Connection loss, time-outs and a cluster that is re-forming mean "down for now", not a bug in a script. The
    // calls take no cancellation token, so a cancelled one is a command the client gave up on: after Redis was
    // SIGSTOPped, ScriptEvaluateAsync threw TaskCanceledException, which passed the poller's catch as if the app were
    // shutting down and stopped the host.
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or ObjectDisposedException or OperationCanceledException => true,
        RedisServerException server => server.Message.StartsWith("CLUSTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)
            || server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal),
        _ => false,
    };
}
