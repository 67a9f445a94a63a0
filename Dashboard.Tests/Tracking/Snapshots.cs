using Dashboard.Core.Tracking;

namespace Dashboard.Tests.Tracking;

/// <summary>Builds poll snapshots for history tests.</summary>
internal static class Snapshots
{
    public static LiveSnapshot At(
        DateTimeOffset timestamp, long users, long sessions = 0,
        IReadOnlyList<DimensionCount>? modules = null, IReadOnlyList<DimensionCount>? organizations = null) =>
        new(timestamp, users, sessions, modules ?? [], organizations ?? [], organizations?.Count ?? 0);
}
