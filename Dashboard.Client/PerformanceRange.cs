namespace Dashboard.Client;

/// <summary>
/// Requests, errors, error rate and response-time percentiles (ms) over a time range: overall with each module in
/// <see cref="Modules"/>, or one module's alone. Percentiles are null when the range holds no requests.
/// </summary>
public sealed record PerformanceRange(
    long Requests,
    long Errors,
    double ErrorRate,
    double? P50,
    double? P95,
    double? P99,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<ModulePerformance> Modules);
