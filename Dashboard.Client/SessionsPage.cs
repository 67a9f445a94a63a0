namespace Dashboard.Client;

/// <summary>One page of active sessions, most recent first, and how many match in all.</summary>
public sealed record SessionsPage(IReadOnlyList<SessionInfo> Sessions, long Total, int Offset, int Limit);
