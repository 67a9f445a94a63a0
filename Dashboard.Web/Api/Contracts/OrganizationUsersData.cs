namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET organization/{id}</c>: its users and how they split over modules.</summary>
public sealed record OrganizationUsersData(
    string OrganizationId, long ConcurrentUsers, IReadOnlyList<ModuleCount> Modules, DateTimeOffset Timestamp);
