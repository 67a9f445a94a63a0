using Dashboard.Core.Resources;
using Dashboard.Core.Tracking;

namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET metrics</c>: the latest poll in full, organizations cut to the top N.</summary>
public sealed record MetricsData(
    long ConcurrentUsers,
    long ActiveSessions,
    DateTimeOffset Timestamp,
    int ActivityWindowSeconds,
    IReadOnlyList<ModuleCount> Modules,
    IReadOnlyList<OrganizationCount> Organizations,
    long TotalOrganizations)
{
    /// <summary>This instance's CPU, memory, database connections and Redis use at the poll.</summary>
    public ResourceSample? Resources { get; init; }

    public int? UnacknowledgedAlerts { get; init; }

    /// <summary>Response times (ms) and error rate over the last five minutes, overall and per module.</summary>
    public PerformanceData? Performance { get; init; }

    /// <summary>Session updates dropped since start because the queue to the database was full (docs/operations.md).</summary>
    public long SessionUpdatesDropped { get; init; }

    /// <summary>Activities counted under "other" since start because their module was past the module bound.</summary>
    public long ActivitiesCountedAsOther { get; init; }

    public static MetricsData From(LiveSnapshot snapshot, TimeSpan activityWindow, int topOrganizations) => new(
        snapshot.ConcurrentUsers,
        snapshot.ActiveSessions,
        snapshot.Timestamp,
        (int)activityWindow.TotalSeconds,
        [.. snapshot.Modules.Select(module => new ModuleCount(module.Id, module.Users))],
        [.. snapshot.Organizations.Take(topOrganizations).Select(organization => new OrganizationCount(organization.Id, organization.Users))],
        snapshot.ActiveOrganizations);
}
