namespace Dashboard.Data.Entities;

/// <summary>
/// A session as the database keeps it (user_sessions): written in batches from the tracking path, closed by logout
/// or when it has been silent for longer than the session TTL.
/// </summary>
public sealed class UserSession
{
    public long Id { get; set; }

    public required string SessionId { get; set; }

    public required string UserId { get; set; }

    public required string OrganizationId { get; set; }

    /// <summary>The module of the session's latest activity.</summary>
    public required string ModuleId { get; set; }

    public string? UserAgent { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActive { get; set; }
}
