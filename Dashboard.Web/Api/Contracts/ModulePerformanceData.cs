namespace Dashboard.Web.Api.Contracts;

/// <summary>One module's response-time percentiles (ms), error rate and requests.</summary>
public sealed record ModulePerformanceData(string ModuleId, double? P50, double? P95, double? P99, double ErrorRate, long Requests);
