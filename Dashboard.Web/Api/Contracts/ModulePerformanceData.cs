using Dashboard.Core.Performance;

namespace Dashboard.Web.Api.Contracts;

/// <summary>One module's response-time percentiles (ms), error rate, requests and errors.</summary>
public sealed record ModulePerformanceData(string ModuleId, double? P50, double? P95, double? P99, double ErrorRate, long Requests, long Errors)
{
    public static ModulePerformanceData From(string moduleId, PerformanceSummary summary) => new(
        moduleId, PerformanceRounding.Milliseconds(summary.P50), PerformanceRounding.Milliseconds(summary.P95),
        PerformanceRounding.Milliseconds(summary.P99), PerformanceRounding.Rate(summary.ErrorRate), summary.Requests, summary.Errors);
}
