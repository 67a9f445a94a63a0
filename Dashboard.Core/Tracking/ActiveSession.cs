namespace Dashboard.Core.Tracking;

/// <summary>A session that sent activity within the activity window, as its last heartbeat described it.</summary>
public sealed record ActiveSession(
    string SessionId,
    string UserId,
    string OrganizationId,
    string ModuleId,
    string? UserAgent,
    string? IpAddress,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt);
