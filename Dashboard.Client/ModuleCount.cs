namespace Dashboard.Client;

/// <summary>Users active in one module.</summary>
public sealed record ModuleCount(string ModuleId, long ConcurrentUsers);
