using Dashboard.Client;

namespace Dashboard.Cli.Rendering;

/// <summary>A trend cut into at most N consecutive buckets, each the mean of its points, so it fits a terminal's width.</summary>
internal static class TrendBuckets
{
    public static IReadOnlyList<(DateTimeOffset Start, double Users)> Means(IReadOnlyList<TrendPoint> points, int count)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var buckets = Math.Min(count, points.Count);
        var means = new List<(DateTimeOffset, double)>(buckets);
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var first = bucket * points.Count / buckets;
            var last = (bucket + 1) * points.Count / buckets;
            var sum = 0.0;
            for (var index = first; index < last; index++)
            {
                sum += points[index].ConcurrentUsers;
            }

            means.Add((points[first].Timestamp, sum / (last - first)));
        }

        return means;
    }
}
