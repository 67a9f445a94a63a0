namespace Dashboard.Core.History;

/// <summary>One point of a trend: the average and the most users in the bucket that starts at <see cref="Timestamp"/>.</summary>
public sealed record TrendPoint(DateTimeOffset Timestamp, double Users, long MaxUsers);
