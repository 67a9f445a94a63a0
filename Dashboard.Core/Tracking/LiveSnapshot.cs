namespace Dashboard.Core.Tracking;

/// <summary>Everything the poller reads from the live store in one go: the counts every viewer is served from.</summary>
/// <param name="Modules">Every active module, most users first.</param>
/// <param name="Organizations">
/// The most active organizations, most users first, at most <see cref="Configuration.TrackingOptions.TopOrganizations"/>:
/// a poll costs the same with ten organizations or ten thousand. Any other one is read on demand.
/// </param>
/// <param name="ActiveOrganizations">How many organizations have active users, listed or not.</param>
public sealed record LiveSnapshot(
    DateTimeOffset Timestamp,
    long ConcurrentUsers,
    long ActiveSessions,
    IReadOnlyList<DimensionCount> Modules,
    IReadOnlyList<DimensionCount> Organizations,
    long ActiveOrganizations);
