namespace Dashboard.Client;

/// <summary>The server's latest poll in full: counts, users per module and the top organizations.</summary>
public sealed record LiveMetrics(
    long ConcurrentUsers,
    long ActiveSessions,
    DateTimeOffset Timestamp,
    int ActivityWindowSeconds,
    IReadOnlyList<ModuleCount> Modules,
    IReadOnlyList<OrganizationCount> Organizations,
    long TotalOrganizations);
