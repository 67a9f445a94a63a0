using Dashboard.Core.Performance;

namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// <c>GET performance</c>: requests, errors, error rate and response-time percentiles (ms) over [start, end], merged
/// from every minute it overlaps; overall (the platform's, without the dashboard's own API) with each module listed,
/// or one module's alone.
/// </summary>
public sealed record PerformanceRangeData(
    long Requests,
    long Errors,
    double ErrorRate,
    double? P50,
    double? P95,
    double? P99,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Scope,
    IReadOnlyList<ModulePerformanceData> Modules)
{
    public static PerformanceRangeData From(
        PerformanceSummary summary, DateTimeOffset start, DateTimeOffset end, string scope, IReadOnlyList<ModulePerformanceData> modules) => new(
        summary.Requests, summary.Errors, PerformanceRounding.Rate(summary.ErrorRate), PerformanceRounding.Milliseconds(summary.P50),
        PerformanceRounding.Milliseconds(summary.P95), PerformanceRounding.Milliseconds(summary.P99), start, end, scope, modules);
}
