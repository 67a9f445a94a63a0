namespace Dashboard.Client;

/// <summary>An active session as its last heartbeat described it.</summary>
public sealed record SessionInfo(
    string SessionId,
    string UserId,
    string OrganizationId,
    string ModuleId,
    string? UserAgent,
    string? IpAddress,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt);
