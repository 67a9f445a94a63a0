using Dashboard.Core.Performance;

namespace Dashboard.Web.Api.Contracts;

/// <summary>Response-time percentiles (ms), error rate and requests over <c>window_seconds</c>, overall and per module.</summary>
public sealed record PerformanceData(
    double? P50, double? P95, double? P99, double ErrorRate, long Requests, int WindowSeconds, IReadOnlyList<ModulePerformanceData> Modules)
{
    public static PerformanceData From(PerformanceSnapshot performance, TimeSpan window) => new(
        Round(performance.Overall.P50), Round(performance.Overall.P95), Round(performance.Overall.P99),
        Math.Round(performance.Overall.ErrorRate, 4), performance.Overall.Requests, (int)window.TotalSeconds,
        [.. performance.Modules.Select(module => new ModulePerformanceData(
            module.Key, Round(module.Value.P50), Round(module.Value.P95), Round(module.Value.P99),
            Math.Round(module.Value.ErrorRate, 4), module.Value.Requests))]);

    private static double? Round(double? milliseconds) => milliseconds is { } value ? Math.Round(value, 1) : null;
}
