namespace Dashboard.Bench;

/// <summary>
/// What an open-loop run at a fixed rate achieved; <see cref="SortedMs"/> holds every request's latency,
/// <see cref="WorstPerSecond"/> the worst of the requests due in each second after <see cref="Started"/>.
/// </summary>
internal sealed record LatencyResult(int Sent, long Failed, TimeSpan Elapsed, double[] SortedMs, DateTimeOffset Started, double[] WorstPerSecond)
{
    /// <summary>The seconds whose worst latency is over <paramref name="limitMs"/>, as "hh:mm:ss 123 ms", for matching with a trace.</summary>
    public string Stalls(double limitMs)
    {
        var seconds = WorstPerSecond.Select((worst, second) => (worst, second)).Where(item => item.worst > limitMs)
            .Select(item => $"{Started.AddSeconds(item.second):HH:mm:ss} {item.worst:N0} ms").ToList();
        return seconds.Count == 0 ? "none" : string.Join(", ", seconds);
    }

    public double Percentile(double fraction) => Stats.Percentile(SortedMs, fraction);

    public double AchievedRate => Sent / Elapsed.TotalSeconds;
}
