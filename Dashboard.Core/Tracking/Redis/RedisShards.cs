using Dashboard.Core.Configuration;
using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>
/// The live store's shards on Redis: every key of a shard shares one hash tag, so a script given a shard runs in one
/// Redis Cluster slot.
/// </summary>
internal sealed class RedisShards(IConnectionMultiplexer redis, TrackingOptions options)
{
    public int Count => options.Shards;

    /// <summary>The shard that holds <paramref name="id"/> (a user, a session, an organization's home, a module).</summary>
    public int Of(string id) => ShardHash.ShardOf(id, options.Shards);

    public Task<RedisResult> EvaluateAsync(RedisScript script, int shard, RedisValue[] arguments) =>
        RedisCalls.RunAsync(() => script.EvaluateAsync(redis.GetDatabase(), [Tag(shard)], arguments));

    /// <summary>Starts <paramref name="call"/> on every shard at once and waits for them all.</summary>
    public Task<RedisResult[]> OnEachAsync(Func<int, Task<RedisResult>> call) =>
        Task.WhenAll(Enumerable.Range(0, options.Shards).Select(call));

    private string Tag(int shard) => $"{{{options.KeyPrefix}:{shard}}}";
}
