using Dashboard.Core.Tracking;

namespace Dashboard.Web.Live;

/// <summary>
/// Drill-down reads of the live store that the poll snapshot does not carry (a module's organizations, an
/// organization's modules, session listings), each run at most once per poll whoever asks, so the cost follows
/// what is looked at, not how many look.
/// </summary>
public sealed class LiveReads(ILiveStore store, PerPollCache cache)
{
    public Task<ModuleUsage> ModuleAsync(string moduleId) =>
        cache.GetAsync(("module", moduleId), () => store.ReadModuleAsync(moduleId, CancellationToken.None));

    public Task<OrganizationUsage> OrganizationAsync(string organizationId) =>
        cache.GetAsync(("organization", organizationId), () => store.ReadOrganizationAsync(organizationId, CancellationToken.None));

    public Task<SessionPage> SessionsAsync(SessionQuery query) =>
        cache.GetAsync(query, () => store.ListSessionsAsync(query, CancellationToken.None));
}
