namespace Dashboard.Client;

/// <summary>Distinct users active within the activity window, as of the server's latest poll.</summary>
public sealed record CurrentUsers(long ConcurrentUsers, long ActiveSessions, DateTimeOffset Timestamp);
