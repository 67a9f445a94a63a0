namespace Dashboard.Bench;

/// <summary>
/// How long one poll's snapshot read takes at a given population, how long Redis ran its scripts (on average), and
/// what it returned.
/// </summary>
internal sealed record SnapshotFigures(int Users, long CountedUsers, long Organizations, int Modules, double MedianMs, double RedisMs);
