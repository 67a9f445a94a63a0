namespace Dashboard.Data.Entities.Views;

/// <summary>A row of the current_active_sessions view: a session the database still holds open.</summary>
public sealed class CurrentActiveSession
{
    public required string SessionId { get; set; }

    public required string UserId { get; set; }

    public required string OrganizationId { get; set; }

    public required string ModuleId { get; set; }

    public string? UserAgent { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public long DurationSeconds { get; set; }
}
