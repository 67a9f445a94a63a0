namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET module/{id}</c>; an unknown module has zero users.</summary>
public sealed record ModuleUsersData(string ModuleId, long ConcurrentUsers, DateTimeOffset Timestamp);
