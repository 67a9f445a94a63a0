using Dashboard.Core.Tracking;

namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET sessions</c>: one page of active sessions, most recent first.</summary>
public sealed record SessionsData(IReadOnlyList<ActiveSession> Sessions, long Total, int Offset, int Limit);
