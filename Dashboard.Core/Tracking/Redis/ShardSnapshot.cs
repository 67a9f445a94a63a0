using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>
/// A shard's part of the poll snapshot (snapshot.lua): its counted users, sessions and users per module; the
/// organizations whose count changed and which their homes have not applied yet; the version of its own ranking as a
/// home; its epoch, which changes only when it lost its data.
/// </summary>
internal sealed record ShardSnapshot(
    long Users, long Sessions, IReadOnlyList<DimensionCount> Modules, IReadOnlyList<OrganizationReport> Changed,
    long RankingVersion, string Epoch)
{
    // { users, sessions, { module, users, ... }, { organization, version, users, ... }, ranking version, epoch }
    public static ShardSnapshot Parse(RedisResult reply)
    {
        var parts = (RedisResult[])reply!;
        var changed = (RedisResult[])parts[3]!;
        return new ShardSnapshot(
            (long)parts[0], (long)parts[1], RedisReplies.Counts(parts[2]),
            [.. changed.Chunk(3).Select(report => new OrganizationReport((string)report[0]!, (long)report[1], (long)report[2]))],
            (long)parts[4], (string)parts[5]!);
    }
}
