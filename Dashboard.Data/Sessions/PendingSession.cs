using Dashboard.Core.Persistence;
using Dashboard.Data.Entities;

namespace Dashboard.Data.Sessions;

/// <summary>
/// Every update of one session that arrived since its last write, folded into the row to write: the latest activity
/// decides, so a burst of heartbeats becomes one upsert.
/// </summary>
internal sealed class PendingSession
{
    private PendingSession(SessionUpdate first)
    {
        SessionId = first.Activity.SessionId;
        StartedAt = first.At;
        QueuedAt = first.At;
        Apply(first);
    }

    public string SessionId { get; }

    /// <summary>When the first of these updates arrived: the session is written at most a flush interval later.</summary>
    public DateTimeOffset QueuedAt { get; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    private string UserId { get; set; } = "";

    private string OrganizationId { get; set; } = "";

    private string ModuleId { get; set; } = "";

    private string? UserAgent { get; set; }

    private string? IpAddress { get; set; }

    private bool Ended { get; set; }

    public static PendingSession From(SessionUpdate update) => new(update);

    public void Apply(SessionUpdate update)
    {
        // Updates stamped earlier than what is held are stale (a batch can interleave with another request).
        if (update.At < LastActivityAt)
        {
            return;
        }

        var activity = update.Activity;
        // A heartbeat after a logout starts the session again, as the live store does.
        if (Ended && activity.IsActive)
        {
            StartedAt = update.At;
        }

        UserId = activity.UserId;
        OrganizationId = activity.OrganizationId;
        ModuleId = activity.ModuleId;
        UserAgent = activity.UserAgent;
        IpAddress = activity.IpAddress;
        LastActivityAt = update.At;
        Ended = !activity.IsActive;
    }

    public UserSession ToRow() => new()
    {
        SessionId = SessionId,
        UserId = UserId,
        OrganizationId = OrganizationId,
        ModuleId = ModuleId,
        UserAgent = UserAgent,
        IpAddress = IpAddress,
        StartedAt = StartedAt,
        LastActivityAt = LastActivityAt,
        EndedAt = Ended ? LastActivityAt : null,
        IsActive = !Ended,
    };
}
