using Dashboard.Core.Configuration;
using Dashboard.Core.Leases;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Leases;

public sealed class RedisClusterJobLeaseTests : JobLeaseContract
{
    protected override async Task<IJobLease> CreateAsync() =>
        new RedisJobLease(await TestRedis.ClusterAsync(), Options.Create(new TrackingOptions { KeyPrefix = $"lease-{Guid.NewGuid():N}" }));
}
