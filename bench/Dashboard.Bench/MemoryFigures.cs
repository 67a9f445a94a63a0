namespace Dashboard.Bench;

/// <summary>Redis memory before and after loading <see cref="Users"/> active users.</summary>
internal sealed record MemoryFigures(int Users, long Before, long After, double LoadRate, IReadOnlyList<KeyKind> Kinds)
{
    public double BytesPerUser => (After - Before) / (double)Users;
}
