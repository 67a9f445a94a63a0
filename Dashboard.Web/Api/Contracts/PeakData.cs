namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET peak</c>: the most users at once in [start, end] and when; <c>peak_at</c> is null without history.</summary>
public sealed record PeakData(long PeakUsers, DateTimeOffset? PeakAt, DateTimeOffset Start, DateTimeOffset End, string Scope, string Source);
