namespace Dashboard.Client;

/// <summary>Concurrent users at one point of a trend.</summary>
public sealed record TrendPoint(DateTimeOffset Timestamp, long ConcurrentUsers);
