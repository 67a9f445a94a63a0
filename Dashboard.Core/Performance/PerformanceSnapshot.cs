namespace Dashboard.Core.Performance;

/// <summary>Response times and errors over a window of whole minutes, overall and per module, merged over every instance.</summary>
public sealed record PerformanceSnapshot(DateTimeOffset Since, PerformanceSummary Overall, IReadOnlyDictionary<string, PerformanceSummary> Modules)
{
    public static PerformanceSnapshot Of(DateTimeOffset since, IReadOnlyDictionary<string, LatencyHistogram> modules)
    {
        var overall = new LatencyHistogram();
        foreach (var histogram in modules.Values)
        {
            overall.Merge(histogram);
        }

        return new PerformanceSnapshot(
            since,
            PerformanceSummary.Of(overall),
            modules.Where(entry => entry.Value.Count > 0)
                .OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .ToDictionary(entry => entry.Key, entry => PerformanceSummary.Of(entry.Value), StringComparer.Ordinal));
    }
}
