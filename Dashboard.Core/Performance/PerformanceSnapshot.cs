namespace Dashboard.Core.Performance;

/// <summary>
/// Response times and errors over a window of whole minutes, per module and overall, merged over every instance.
/// Overall is the platform's: the dashboard's own API (<see cref="OwnApiModule"/>) is listed but not part of it.
/// </summary>
public sealed record PerformanceSnapshot(DateTimeOffset Since, PerformanceSummary Overall, IReadOnlyDictionary<string, PerformanceSummary> Modules)
{
    /// <summary>The module the dashboard's own API requests are counted under.</summary>
    public const string OwnApiModule = "dashboard-api";

    public static PerformanceSnapshot Of(DateTimeOffset since, IReadOnlyDictionary<string, LatencyHistogram> modules)
    {
        var overall = new LatencyHistogram();
        foreach (var (module, histogram) in modules.Where(entry => entry.Key != OwnApiModule))
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
