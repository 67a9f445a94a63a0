namespace Dashboard.Client;

/// <summary>One point of a trend: the average users in the bucket starting at <c>Timestamp</c>, and the most at once.</summary>
public sealed record TrendPoint(DateTimeOffset Timestamp, double ConcurrentUsers, long MaxUsers);
