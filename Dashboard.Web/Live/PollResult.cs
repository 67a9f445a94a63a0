using Dashboard.Core.Tracking;

namespace Dashboard.Web.Live;

/// <summary>
/// What one poll of the live store produced: the latest good snapshot, and why the store could not be read this
/// time if it could not (the snapshot is then the last good one, or none).
/// </summary>
public sealed record PollResult(LiveSnapshot? Snapshot, DateTimeOffset PolledAt, string? LiveStoreError)
{
    public bool IsLiveStoreAvailable => LiveStoreError is null;
}
