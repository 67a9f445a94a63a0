namespace Dashboard.Web.Api.Contracts;

/// <summary>One trend point: the average users in the bucket starting at <c>timestamp</c>, and the most at once.</summary>
public sealed record TrendPointData(DateTimeOffset Timestamp, double ConcurrentUsers, long MaxUsers);
