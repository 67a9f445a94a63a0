namespace Dashboard.Client;

/// <summary>Which active sessions to list; a null field does not filter.</summary>
public sealed record SessionFilter(string? ModuleId = null, string? OrganizationId = null, string? UserId = null);
