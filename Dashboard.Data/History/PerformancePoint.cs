namespace Dashboard.Data.History;

/// <summary>One minute of the platform's response times (ms) and errors, as performance_metrics keeps it.</summary>
public sealed record PerformancePoint(DateTimeOffset Minute, double? P50, double? P95, double? P99, long Requests, long Errors);
