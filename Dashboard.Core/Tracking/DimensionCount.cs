namespace Dashboard.Core.Tracking;

/// <summary>How many distinct users are active in one module or one organization.</summary>
public sealed record DimensionCount(string Id, long Users)
{
    /// <summary>Drops empty entries and orders the rest most users first, ties by id, as every breakdown is shown.</summary>
    public static IReadOnlyList<DimensionCount> Rank(IEnumerable<DimensionCount> counts) =>
        [.. counts.Where(count => count.Users > 0)
            .OrderByDescending(count => count.Users)
            .ThenBy(count => count.Id, StringComparer.Ordinal)];
}
