namespace Dashboard.Bench;

/// <summary>What a closed-loop run achieved.</summary>
internal sealed record LoadResult(long Succeeded, long Failed, TimeSpan Elapsed)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;
}
