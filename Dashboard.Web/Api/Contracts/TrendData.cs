namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// <c>GET trend</c>: users over [start, end] at a resolution chosen for its length (at most 300 points), and the
/// change of the average against the equal period just before.
/// </summary>
public sealed record TrendData(
    IReadOnlyList<TrendPointData> Points,
    double? ChangePercent,
    string Resolution,
    double? AverageUsers,
    double? PreviousAverageUsers,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Scope,
    string Source);
