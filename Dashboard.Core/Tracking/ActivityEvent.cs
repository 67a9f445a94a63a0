namespace Dashboard.Core.Tracking;

/// <summary>One heartbeat from a platform service: this user, in this session, is using this module now.</summary>
public sealed record ActivityEvent
{
    public required string UserId { get; init; }
    public required string OrganizationId { get; init; }
    public required string SessionId { get; init; }
    public required string ModuleId { get; init; }
    public string? UserAgent { get; init; }
    public string? IpAddress { get; init; }

    /// <summary>False ends the session at once (logout); the user stays counted only through other sessions.</summary>
    public bool IsActive { get; init; } = true;
}
