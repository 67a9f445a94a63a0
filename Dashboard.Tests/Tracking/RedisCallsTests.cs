using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.Redis;
using StackExchange.Redis;

namespace Dashboard.Tests.Tracking;

/// <summary>Which failures of a Redis call mean "the live store is down for now" (503, banner) rather than a bug.</summary>
public sealed class RedisCallsTests
{
    [Fact]
    public async Task RunAsync_CommandTheClientCancelled_IsStoreUnavailable()
    {
        // What StackExchange.Redis's ScriptEvaluateAsync threw for a command it gave up on while Redis was SIGSTOPped.
        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => RedisCalls.RunAsync<RedisResult>(() => Task.FromCanceled<RedisResult>(new CancellationToken(canceled: true))));

        Assert.Equal(StoreUnavailableException.LiveStore, failure.Store);
        Assert.IsType<TaskCanceledException>(failure.InnerException);
    }

    [Fact]
    public async Task RunAsync_ScriptError_IsNotStoreUnavailable()
    {
        await Assert.ThrowsAsync<RedisServerException>(() => RedisCalls.RunAsync<RedisResult>(() => throw new RedisServerException("ERR user_script:1: boom")));
    }
}
