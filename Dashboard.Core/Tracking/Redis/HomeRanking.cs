using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>A home shard's share of the organizations' ranking at one version: how many it holds, and its top ones.</summary>
internal sealed record HomeRanking(long Version, long Active, IReadOnlyList<DimensionCount> Top, bool NeedsFullReports)
{
    // Versions start at 0 in Redis, so nothing read yet never passes for current.
    public static readonly HomeRanking Unread = new(-1, 0, [], NeedsFullReports: false);

    // { version, active, { organization, -users, ... }, 1 when the home needs every shard's full reports } from
    // organizations.lua
    public static HomeRanking Parse(RedisResult reply)
    {
        var parts = (RedisResult[])reply!;
        var top = (RedisResult[])parts[2]!;
        return new HomeRanking((long)parts[0], (long)parts[1],
            [.. top.Chunk(2).Select(pair => new DimensionCount((string)pair[0]!, -(long)pair[1]))], (long)parts[3] == 1);
    }
}
