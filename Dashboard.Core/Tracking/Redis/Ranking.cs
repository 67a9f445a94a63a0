namespace Dashboard.Core.Tracking.Redis;

/// <summary>The organizations' ranking: each home shard's share, merged into the top ones and how many are active.</summary>
internal sealed record Ranking(HomeRanking[] Homes, IReadOnlyList<DimensionCount> Top, long Active)
{
    public static Ranking Unread(int shards) => new([.. Enumerable.Repeat(HomeRanking.Unread, shards)], [], 0);

    // Merged only when a home's share changed: a poll in which none did costs nothing here either.
    public static Ranking Of(HomeRanking[] homes, int top) =>
        new(homes, [.. DimensionCount.Rank(homes.SelectMany(home => home.Top)).Take(top)], homes.Sum(home => home.Active));
}
