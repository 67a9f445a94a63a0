namespace Dashboard.Bench;

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The round whose ratio of <paramref name="ours"/> to <paramref name="baseline"/> is the median: both were measured
    /// in the same minutes of a shared machine, where the medians of each series could come from different ones.
    /// </summary>
    public static (double Ours, double Baseline) MedianRound(IReadOnlyList<double> ours, IReadOnlyList<double> baseline)
    {
        var rounds = ours.Zip(baseline).OrderBy(round => round.First / round.Second).ToArray();
        return rounds.Length == 0 ? (double.NaN, double.NaN) : rounds[(rounds.Length - 1) / 2];
    }

    /// <summary>The value below which <paramref name="fraction"/> of the sorted values lie (nearest rank).</summary>
    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
