namespace Dashboard.Core.Tracking.InProcess;

/// <summary>A live session as the in-process store keeps it; times are Unix milliseconds.</summary>
internal sealed record SessionRecord(
    string UserId,
    string OrganizationId,
    string ModuleId,
    string? UserAgent,
    string? IpAddress,
    long StartedAt,
    long LastSeen)
{
    public ActiveSession ToActiveSession(string sessionId) => new(
        sessionId, UserId, OrganizationId, ModuleId, UserAgent, IpAddress,
        DateTimeOffset.FromUnixTimeMilliseconds(StartedAt), DateTimeOffset.FromUnixTimeMilliseconds(LastSeen));
}
