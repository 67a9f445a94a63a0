namespace Dashboard.Client;

/// <summary>One event of the realtime stream: the counts of one poll, or why the live store could not be read.</summary>
public sealed record RealtimeUpdate(
    long ConcurrentUsers,
    long ActiveSessions,
    DateTimeOffset Timestamp,
    IReadOnlyList<ModuleCount> Modules,
    string? LiveStoreError);
