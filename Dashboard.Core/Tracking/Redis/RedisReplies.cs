using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>Reads the parts of script replies that several scripts share.</summary>
internal static class RedisReplies
{
    /// <summary>A flat <c>{ id, users, ... }</c> (HGETALL of a count hash) as counts.</summary>
    public static IReadOnlyList<DimensionCount> Counts(RedisResult flat) =>
        [.. ((RedisResult[])flat!).Chunk(2).Select(pair => new DimensionCount((string)pair[0]!, (long)pair[1]))];
}
