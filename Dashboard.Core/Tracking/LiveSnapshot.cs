namespace Dashboard.Core.Tracking;

/// <summary>Everything the poller reads from the live store in one go: the counts every viewer is served from.</summary>
/// <param name="Modules">Every active module, most users first.</param>
/// <param name="Organizations">Every active organization, most users first.</param>
public sealed record LiveSnapshot(
    DateTimeOffset Timestamp,
    long ConcurrentUsers,
    long ActiveSessions,
    IReadOnlyList<DimensionCount> Modules,
    IReadOnlyList<DimensionCount> Organizations);
