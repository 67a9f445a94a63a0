using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.Redis;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Tests.Tracking;

/// <summary>The contract on one real redis-server; each test writes under its own key prefix.</summary>
public sealed class RedisLiveStoreTests : SharedLiveStoreContract
{
    protected override async Task<ILiveStore> CreateStoreAsync(IOptions<TrackingOptions> options, TimeProvider time) =>
        new RedisLiveStore(await TestRedis.SingleAsync(), options, time);

    [Fact]
    public async Task Record_ServerThatForgotTheScripts_LoadsThemAgain()
    {
        var redis = await TestRedis.SingleAsync();
        var store = new RedisLiveStore(redis, Microsoft.Extensions.Options.Options.Create(Options), Time);
        await store.RecordAsync([Activity.Of("u1", "s1")], default);

        // As after a restart: the server has no scripts until they are sent again.
        await redis.GetServer(redis.GetEndPoints()[0]).ScriptFlushAsync();
        await store.RecordAsync([Activity.Of("u2", "s2")], default);

        Assert.Equal(2, (await store.ReadSnapshotAsync(default)).ConcurrentUsers);
    }

    [Fact]
    public async Task Snapshot_AfterRedisLostItsData_RanksOrganizationsAgain()
    {
        var redis = await TestRedis.SingleAsync();
        var store = new RedisLiveStore(redis, Microsoft.Extensions.Options.Options.Create(Options), Time);
        for (var i = 0; i < 5; i++)
        {
            // One user moving from organization to organization: each move is a new version of the shard's reports.
            await store.RecordAsync([Activity.Of("u1", "s1", "tax", $"org-{i}")], default);
            await store.ReadSnapshotAsync(default);
        }

        // As after a restart without persistence: every key of the store is gone, its counters start again, and this
        // instance still remembers what it read before.
        var database = redis.GetDatabase();
        await foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).KeysAsync(pattern: $"{{{Options.KeyPrefix}:*"))
        {
            await database.KeyDeleteAsync(key);
        }

        await store.RecordAsync([Activity.Of("u1", "s1", "tax", "org-9")], default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(1, snapshot.ConcurrentUsers);
        Assert.Equal(new DimensionCount("org-9", 1), Assert.Single(snapshot.Organizations));
        Assert.Equal(1, snapshot.ActiveOrganizations);
    }

    [Fact]
    public async Task Organizations_ReportsFromBeforeAShardLostItsData_AreForgottenOrIgnored()
    {
        var database = (await TestRedis.SingleAsync()).GetDatabase();
        var home = $"{{{Options.KeyPrefix}:0}}";
        // organizations.lua at one home, with two shards whose epochs are given: its ranking ("organization users, ..."),
        // and whether it asks for every shard's full reports.
        async Task<(string Ranking, bool NeedsFull)> ApplyAsync(bool full, string[] epochs, params (string Organization, int Shard, long Version, long Users)[] reports)
        {
            RedisValue[] arguments = [10, full ? 1 : 0, epochs.Length, .. epochs.Select(epoch => (RedisValue)epoch),
                .. reports.SelectMany(report => new RedisValue[] { report.Organization, report.Shard, report.Version, report.Users })];
            var parts = (RedisResult[])(await RedisScripts.Organizations.EvaluateAsync(database, [home], arguments))!;
            var top = (RedisResult[])parts[2]!;
            return (string.Join(", ", top.Chunk(2).Select(pair => $"{(string)pair[0]!} {-(long)pair[1]}")), (long)parts[3] == 1);
        }

        // A new home holds no epochs: it asks for the full reports, and keeps the epochs once it has them.
        Assert.True((await ApplyAsync(full: false, ["100", "200"], ("org-a", 0, 1, 5), ("org-a", 1, 1, 2))).NeedsFull);
        Assert.Equal(("org-a 7", false), await ApplyAsync(full: true, ["100", "200"], ("org-a", 0, 1, 5), ("org-a", 1, 1, 2)));
        // Shard 0 lost its data (a newer epoch): its 5 users are forgotten.
        Assert.Equal(("org-a 2", false), await ApplyAsync(full: false, ["300", "200"]));
        // A poll that read shard 0 before the loss is late: ignored, however new its version.
        Assert.Equal(("org-a 2", false), await ApplyAsync(full: false, ["100", "200"], ("org-a", 0, 9, 5)));
        Assert.Equal(("org-a 6", false), await ApplyAsync(full: false, ["300", "200"], ("org-a", 0, 10, 4)));
    }

    [Fact]
    public async Task Cleanup_AfterTheTtl_LeavesOnlyEachShardsCountersAndEpochsBehind()
    {
        var redis = await TestRedis.SingleAsync();
        var store = new RedisLiveStore(redis, Microsoft.Extensions.Options.Options.Create(Options), Time);
        await store.RecordAsync(
            [Activity.Of("u1", "s1", "tax", "org-1"), Activity.Of("u1", "s2", "payroll", "org-2"), Activity.Of("u2", "s3") with { UserAgent = "curl/8.5.0" }],
            default);
        await store.ReadSnapshotAsync(default);
        await store.RecordAsync([Activity.Of("u1", "s2", "payroll", "org-2", active: false)], default);
        Time.Advance(Options.SessionTtl + TimeSpan.FromSeconds(1));

        await store.CleanupAsync(default);
        // The first poll tells the organizations' home shards that their users left, the second lets the shards
        // forget what the homes have applied; the homes' own reports expire an hour after their last user left.
        await store.ReadSnapshotAsync(default);
        await store.ReadSnapshotAsync(default);

        var database = redis.GetDatabase();
        var left = new List<string>();
        await foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).KeysAsync(pattern: $"{{{Options.KeyPrefix}:*"))
        {
            // A shard's counters (:c) and, as a home, the other shards' epochs (:oe): a few fields each.
            if (!key.ToString().EndsWith(":c", StringComparison.Ordinal) && !key.ToString().EndsWith(":oe", StringComparison.Ordinal)
                && await database.KeyTimeToLiveAsync(key) is null)
            {
                left.Add(key.ToString());
            }
        }

        Assert.Empty(left);
    }
}
