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

    /// <summary>How long the request this activity stands for took, in milliseconds (0–600000); counts one request.</summary>
    public double? ResponseTimeMs { get; init; }

    /// <summary>Whether that request failed; counts toward the module's error rate.</summary>
    public bool? IsError { get; init; }

    /// <summary>False ends the session at once (logout); the user stays counted only through other sessions.</summary>
    public bool IsActive { get; init; } = true;
}
