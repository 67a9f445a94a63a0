using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.Redis;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

/// <summary>The contract on one real redis-server; each test writes under its own key prefix.</summary>
public sealed class RedisLiveSampleStoreTests : LiveSampleStoreContract
{
    protected override async Task<ILiveSampleStore> CreateStoreAsync(IOptions<TrackingOptions> options) =>
        new RedisLiveSampleStore(await TestRedis.SingleAsync(), options);
}
