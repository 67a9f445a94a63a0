namespace Dashboard.Core.Tracking;

/// <summary>Users active in one organization, and how they split over modules.</summary>
public sealed record OrganizationUsage(string OrganizationId, long Users, IReadOnlyList<DimensionCount> Modules);
