namespace Dashboard.Client;

/// <summary>Concurrent users over a time range at the server's resolution, and the change from first to last point.</summary>
public sealed record UsersTrend(IReadOnlyList<TrendPoint> Points, double? ChangePercent, string? Resolution);
