namespace Dashboard.Client;

/// <summary>One activity (a heartbeat) of one user's session in one module; <see cref="IsActive"/> false ends the session.</summary>
public sealed record UserActivity(string UserId, string OrganizationId, string SessionId, string ModuleId)
{
    public string? UserAgent { get; init; }

    public string? IpAddress { get; init; }

    public bool IsActive { get; init; } = true;

    /// <summary>How long the request behind this activity took (0–600000 ms): it feeds the response-time percentiles.</summary>
    public double? ResponseTimeMs { get; init; }

    /// <summary>Whether that request failed: it feeds the error rate.</summary>
    public bool? IsError { get; init; }
}
