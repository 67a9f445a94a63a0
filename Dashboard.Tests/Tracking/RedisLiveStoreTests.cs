using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.Redis;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

/// <summary>The contract on one real redis-server; each test writes under its own key prefix.</summary>
public sealed class RedisLiveStoreTests : LiveStoreContract
{
    protected override async Task<ILiveStore> CreateStoreAsync(IOptions<TrackingOptions> options, TimeProvider time) =>
        new RedisLiveStore(await TestRedis.SingleAsync(), options, time);
}
