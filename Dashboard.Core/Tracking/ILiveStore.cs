using Dashboard.Core.Performance;

namespace Dashboard.Core.Tracking;

/// <summary>
/// Where live activity is kept: who is active now, where, and in which sessions.
/// Implementations count a user while any of their sessions was active within the activity window.
/// Callers hand it only validated activities (see <see cref="ActivityTracker"/>).
/// </summary>
public interface ILiveStore
{
    /// <summary>
    /// Records the activities, all or none: a session belongs to the user who opened it until it ends or outlives the
    /// session TTL, and an activity naming a session another user holds refuses the whole call.
    /// </summary>
    /// <returns>The places in <paramref name="activities"/> of those naming another user's session; empty when all were recorded.</returns>
    Task<IReadOnlyList<int>> RecordAsync(IReadOnlyList<ActivityEvent> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Admits modules to the store's bounded list, shared by every instance using the store: a module already on it,
    /// or added while it holds fewer than <paramref name="maxModules"/>. The list never shrinks.
    /// </summary>
    /// <returns>Those of <paramref name="modules"/> that are on the list.</returns>
    Task<IReadOnlyList<string>> AdmitModulesAsync(IReadOnlyList<string> modules, int maxModules, CancellationToken cancellationToken);

    Task<LiveSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken);

    Task<ModuleUsage> ReadModuleAsync(string moduleId, CancellationToken cancellationToken);

    Task<OrganizationUsage> ReadOrganizationAsync(string organizationId, CancellationToken cancellationToken);

    Task<SessionPage> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken);

    /// <summary>Adds requests counted elsewhere (the app's own API calls) to a module's histogram of this minute.</summary>
    Task RecordLatenciesAsync(string moduleId, LatencyHistogram requests, CancellationToken cancellationToken);

    /// <summary>
    /// Response times of the activities that carried one, merged over shards and instances, over the whole minutes
    /// from the one holding <paramref name="since"/> to the one holding <paramref name="until"/>, both included.
    /// Histograms are kept per module and minute for two hours.
    /// </summary>
    Task<PerformanceSnapshot> ReadPerformanceAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Removes what has outlived the session TTL; safe to run from every instance at once.</summary>
    /// <returns>How many entries were removed.</returns>
    Task<long> CleanupAsync(CancellationToken cancellationToken);
}
