using System.Globalization;
using System.Text;

namespace Dashboard.Core.Performance;

/// <summary>
/// A histogram's non-empty buckets as compact text, "bucket:count,bucket:count" in bucket order, so a history row can
/// keep its minute's histogram in one column and any range of rows can be merged back into percentiles.
/// </summary>
public static class LatencyBucketText
{
    public static string Format(IReadOnlyDictionary<int, long> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var text = new StringBuilder(buckets.Count * 8);
        foreach (var (bucket, count) in buckets.Where(entry => entry.Value > 0).OrderBy(entry => entry.Key))
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(bucket.ToString(CultureInfo.InvariantCulture)).Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Adds the buckets <paramref name="text"/> holds to <paramref name="histogram"/> (its errors are not in the text).</summary>
    /// <exception cref="FormatException">The text is not what <see cref="Format"/> writes.</exception>
    public static void AddTo(LatencyHistogram histogram, string text)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }

        var span = text.AsSpan();
        foreach (var range in span.Split(','))
        {
            var pair = span[range];
            var colon = pair.IndexOf(':');
            if (colon < 0 ||
                !int.TryParse(pair[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) ||
                !long.TryParse(pair[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new FormatException($"\"{pair}\" in \"{text}\" is not a latency bucket and count (bucket:count).");
            }

            histogram.Add(bucket, count);
        }
    }
}
