namespace Dashboard.Core.Performance;

/// <summary>
/// Response times counted in fixed log-scale buckets (each 4% wider than the one before), so percentiles come out
/// within 2% without keeping samples, and histograms from any instance or time bucket merge by adding counts.
/// </summary>
public sealed class LatencyHistogram
{
    public const double MaxMilliseconds = 600_000;

    /// <summary>How long the live store keeps per-minute histograms (Redis expires them after as long); history keeps the minutes.</summary>
    public static readonly TimeSpan KeptLive = TimeSpan.FromHours(2);

    // Bucket b ≥ 1 holds [Growth^(b-1), Growth^b) ms and reports its geometric middle: at most √1.04 − 1 ≈ 1.98% off.
    private const double Growth = 1.04;
    private static readonly double LogGrowth = Math.Log(Growth);

    private readonly SortedDictionary<int, long> _counts = [];

    public long Count { get; private set; }

    public long Errors { get; private set; }

    public double ErrorRate => Count == 0 ? 0 : (double)Errors / Count;

    /// <summary>Non-empty buckets by index, for storing and merging.</summary>
    public IReadOnlyDictionary<int, long> Buckets => _counts;

    /// <summary>The bucket of a response time; everything under 1 ms shares bucket 0.</summary>
    public static int BucketOf(double milliseconds) =>
        milliseconds < 1 ? 0 : 1 + (int)Math.Floor(Math.Log(Math.Min(milliseconds, MaxMilliseconds)) / LogGrowth);

    /// <summary>The value a bucket stands for: the geometric middle of its bounds.</summary>
    public static double ValueOf(int bucket) => bucket == 0 ? 0.5 : Math.Exp((bucket - 0.5) * LogGrowth);

    public void Record(double milliseconds, bool isError = false) => Add(BucketOf(milliseconds), 1, isError ? 1 : 0);

    /// <summary>Adds counts read back from a store: <paramref name="count"/> requests in one bucket.</summary>
    public void Add(int bucket, long count, long errors = 0)
    {
        if (count <= 0)
        {
            return;
        }

        _counts[bucket] = _counts.GetValueOrDefault(bucket) + count;
        Count += count;
        Errors += errors;
    }

    public void AddErrors(long errors) => Errors += errors;

    public void Merge(LatencyHistogram other)
    {
        foreach (var (bucket, count) in other._counts)
        {
            _counts[bucket] = _counts.GetValueOrDefault(bucket) + count;
        }

        Count += other.Count;
        Errors += other.Errors;
    }

    /// <summary>The nearest-rank percentile (0 &lt; <paramref name="percent"/> ≤ 100), or null with no samples.</summary>
    public double? Percentile(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(percent / 100 * Count);
        long seen = 0;
        foreach (var (bucket, count) in _counts)
        {
            seen += count;
            if (seen >= rank)
            {
                return ValueOf(bucket);
            }
        }

        return ValueOf(_counts.Keys.Last());
    }
}
