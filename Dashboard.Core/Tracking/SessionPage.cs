namespace Dashboard.Core.Tracking;

/// <summary>One page of active sessions, most recently active first, and how many match in all.</summary>
public sealed record SessionPage(IReadOnlyList<ActiveSession> Sessions, long Total);
