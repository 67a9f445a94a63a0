namespace Dashboard.Client;

/// <summary>Users in one organization now, and how they split over modules.</summary>
public sealed record OrganizationUsers(
    string OrganizationId, long ConcurrentUsers, IReadOnlyList<ModuleCount> Modules, DateTimeOffset Timestamp);
