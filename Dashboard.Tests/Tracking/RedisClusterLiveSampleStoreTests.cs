using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.Redis;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

/// <summary>The contract on a real Redis Cluster: every sample key must share one hash slot, or the scripts fail there.</summary>
public sealed class RedisClusterLiveSampleStoreTests : LiveSampleStoreContract
{
    protected override async Task<ILiveSampleStore> CreateStoreAsync(IOptions<TrackingOptions> options) =>
        new RedisLiveSampleStore(await TestRedis.ClusterAsync(), options);
}
