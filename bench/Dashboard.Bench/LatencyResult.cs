namespace Dashboard.Bench;

/// <summary>What an open-loop run at a fixed rate achieved; <see cref="SortedMs"/> holds every request's latency.</summary>
internal sealed record LatencyResult(int Sent, long Failed, TimeSpan Elapsed, double[] SortedMs)
{
    public double Percentile(double fraction) => Stats.Percentile(SortedMs, fraction);

    public double AchievedRate => Sent / Elapsed.TotalSeconds;
}
