namespace Dashboard.Client;

/// <summary>One module's requests, errors, error rate and response-time percentiles (ms).</summary>
public sealed record ModulePerformance(string ModuleId, long Requests, long Errors, double ErrorRate, double? P50, double? P95, double? P99);
