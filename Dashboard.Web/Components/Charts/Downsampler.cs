namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Thins a time series before it goes to the browser by keeping each bucket's lowest and highest point, so peaks
/// and dips survive however long the range is (admins read these charts for their peaks).
/// </summary>
public static class Downsampler
{
    /// <summary>The smallest budget that still holds the first point, the last point and one bucket's min and max.</summary>
    public const int MinimumMaxPoints = 4;

    /// <summary>
    /// Returns at most <paramref name="maxPoints"/> of <paramref name="points"/> (which are in time order), in the same
    /// order: the first, the last, and the minimum and maximum of each of the equal-sized buckets in between. A series
    /// that already fits is returned as it is.
    /// </summary>
    public static IReadOnlyList<ChartPoint> Downsample(IReadOnlyList<ChartPoint> points, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, MinimumMaxPoints);

        if (points.Count <= maxPoints)
        {
            return points;
        }

        var inner = points.Count - 2;
        var buckets = (maxPoints - 2) / 2;
        var result = new List<ChartPoint>(maxPoints) { points[0] };
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var start = 1 + (int)((long)bucket * inner / buckets);
            var end = 1 + (int)((long)(bucket + 1) * inner / buckets);
            var (min, max) = (start, start);
            for (var i = start + 1; i < end; i++)
            {
                if (points[i].Value < points[min].Value)
                {
                    min = i;
                }

                if (points[i].Value > points[max].Value)
                {
                    max = i;
                }
            }

            // Keep time order inside the bucket, and a flat bucket as one point.
            result.Add(points[Math.Min(min, max)]);
            if (min != max)
            {
                result.Add(points[Math.Max(min, max)]);
            }
        }

        result.Add(points[^1]);
        return result;
    }
}
