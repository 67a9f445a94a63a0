namespace Dashboard.Client;

/// <summary>Users in one module now; an unknown module has zero.</summary>
public sealed record ModuleUsers(string ModuleId, long ConcurrentUsers, DateTimeOffset Timestamp);
