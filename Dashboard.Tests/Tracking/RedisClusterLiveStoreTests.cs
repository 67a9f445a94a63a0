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

    [Fact]
    public async Task Snapshot_AfterOneNodeLostItsData_RanksOrganizationsByTheUsersLeft()
    {
        var redis = await TestRedis.ClusterAsync();
        var store = new RedisLiveStore(redis, Microsoft.Extensions.Options.Options.Create(Options), Time);
        // The node that holds shard 0 loses its data; the shards it holds are `lost`.
        var cluster = redis.GetServer(redis.GetEndPoints()[0]).ClusterConfiguration!;
        var lostNode = cluster.GetBySlot(redis.HashSlot(Tag(0)))!.EndPoint;
        var lost = Enumerable.Range(0, Options.Shards).Where(shard => cluster.GetBySlot(redis.HashSlot(Tag(shard)))!.EndPoint!.Equals(lostNode)).ToHashSet();
        bool OnLostNode(string id) => lost.Contains(ShardHash.ShardOf(id, Options.Shards));

        // Organizations at home on both sides, each with users on both: 2 whose data is lost, and 1 to 6 who stay.
        var organizations = Ids("org").Where(OnLostNode).Take(3).Concat(Ids("org").Where(id => !OnLostNode(id)).Take(3)).ToList();
        var staying = organizations.Select((organization, i) => (organization, Users: Ids($"{organization}-user").Where(id => !OnLostNode(id)).Take(i + 1).ToList())).ToList();
        var leaving = organizations.SelectMany(organization => Ids($"{organization}-user").Where(OnLostNode).Take(2).Select(user => (organization, user))).ToList();
        await store.RecordAsync([.. staying.SelectMany(group => group.Users.Select(user => Activity.Of(user, $"s-{user}", organization: group.organization))),
            .. leaving.Select(pair => Activity.Of(pair.user, $"s-{pair.user}", organization: pair.organization))], default);
        Assert.Equal(organizations.Count, (await store.ReadSnapshotAsync(default)).ActiveOrganizations);

        var database = redis.GetDatabase();
        await foreach (var key in redis.GetServer(lostNode!).KeysAsync(pattern: $"{{{Options.KeyPrefix}:*"))
        {
            await database.KeyDeleteAsync(key);
        }

        // The users who stayed heartbeat on; those whose data was lost do not come back.
        Time.Advance(TimeSpan.FromSeconds(30));
        await store.RecordAsync([.. staying.SelectMany(group => group.Users.Select(user => Activity.Of(user, $"s-{user}", organization: group.organization)))], default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(staying.Sum(group => group.Users.Count), snapshot.ConcurrentUsers);
        Assert.Equal(DimensionCount.Rank(staying.Select(group => new DimensionCount(group.organization, group.Users.Count))), snapshot.Organizations);
        Assert.Equal(organizations.Count, snapshot.ActiveOrganizations);
    }

    private string Tag(int shard) => $"{{{Options.KeyPrefix}:{shard}}}";

    private static IEnumerable<string> Ids(string prefix) => Enumerable.Range(0, 1000).Select(i => $"{prefix}-{i}");
}
