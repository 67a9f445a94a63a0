using Dashboard.Web.Live;

namespace Dashboard.Web.Api.Contracts;

/// <summary>One server-sent event per poll: the snapshot's counts, or the reason the live store could not be read.</summary>
public sealed record RealtimeEvent(
    long ConcurrentUsers,
    long ActiveSessions,
    DateTimeOffset Timestamp,
    IReadOnlyList<ModuleCount> Modules,
    string? LiveStoreError,
    int? UnacknowledgedAlerts)
{
    public static RealtimeEvent From(PollResult poll)
    {
        var snapshot = poll.Snapshot;
        return new RealtimeEvent(
            snapshot?.ConcurrentUsers ?? 0,
            snapshot?.ActiveSessions ?? 0,
            poll.PolledAt,
            [.. (snapshot?.Modules ?? []).Select(module => new ModuleCount(module.Id, module.Users))],
            poll.LiveStoreError,
            poll.UnacknowledgedAlerts);
    }
}
