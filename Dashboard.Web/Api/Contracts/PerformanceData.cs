using Dashboard.Core.Performance;

namespace Dashboard.Web.Api.Contracts;

/// <summary>Response-time percentiles (ms), error rate and requests over <c>window_seconds</c>, overall and per module.</summary>
public sealed record PerformanceData(
    double? P50, double? P95, double? P99, double ErrorRate, long Requests, int WindowSeconds, IReadOnlyList<ModulePerformanceData> Modules)
{
    public static PerformanceData From(PerformanceSnapshot performance, TimeSpan window) => new(
        PerformanceRounding.Milliseconds(performance.Overall.P50), PerformanceRounding.Milliseconds(performance.Overall.P95),
        PerformanceRounding.Milliseconds(performance.Overall.P99), PerformanceRounding.Rate(performance.Overall.ErrorRate),
        performance.Overall.Requests, (int)window.TotalSeconds,
        [.. performance.Modules.Select(module => ModulePerformanceData.From(module.Key, module.Value))]);
}
