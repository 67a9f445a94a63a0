namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET average</c>: time-weighted average users over [start, end]; null without history.</summary>
public sealed record AverageData(double? AverageUsers, DateTimeOffset Start, DateTimeOffset End, string Scope, string Source);
