namespace Dashboard.Core.Tracking;

/// <summary>Users active in one module, and how they split over organizations.</summary>
public sealed record ModuleUsage(string ModuleId, long Users, IReadOnlyList<DimensionCount> Organizations);
