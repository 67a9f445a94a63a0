using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.Redis;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

/// <summary>
/// The contract on a real three-master Redis Cluster: a script touching a key outside its hash slot fails there,
/// so passing proves every heartbeat stays in one slot.
/// </summary>
public sealed class RedisClusterLiveStoreTests : SharedLiveStoreContract
{
    protected override async Task<ILiveStore> CreateStoreAsync(IOptions<TrackingOptions> options, TimeProvider time) =>
        new RedisLiveStore(await TestRedis.ClusterAsync(), options, time);
}
