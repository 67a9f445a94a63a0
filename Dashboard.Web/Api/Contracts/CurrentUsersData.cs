namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET current</c>: distinct users active within the activity window, as of the latest poll.</summary>
public sealed record CurrentUsersData(long ConcurrentUsers, long ActiveSessions, DateTimeOffset Timestamp);
