namespace Dashboard.Client;

/// <summary>Users active in one organization.</summary>
public sealed record OrganizationCount(string OrganizationId, long ConcurrentUsers);
