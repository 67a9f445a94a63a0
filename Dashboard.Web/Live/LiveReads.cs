using System.Collections.Concurrent;
using Dashboard.Core.Tracking;

namespace Dashboard.Web.Live;

/// <summary>
/// Drill-down reads of the live store that the poll snapshot does not carry (a module's organizations, an
/// organization's modules, session listings). Each distinct read runs at most once per poll, however many
/// viewers or API calls ask for it, so the cost follows what is looked at, not how many look.
/// </summary>
public sealed class LiveReads(ILiveStore store, MetricsHub hub)
{
    private readonly Lock _lock = new();
    private ConcurrentDictionary<object, Task<object>> _reads = new();
    private DateTimeOffset? _readsPoll;

    public async Task<ModuleUsage> ModuleAsync(string moduleId) =>
        (ModuleUsage)await ReadOncePerPollAsync(("module", moduleId), async () => await store.ReadModuleAsync(moduleId, CancellationToken.None));

    public async Task<OrganizationUsage> OrganizationAsync(string organizationId) =>
        (OrganizationUsage)await ReadOncePerPollAsync(
            ("organization", organizationId), async () => await store.ReadOrganizationAsync(organizationId, CancellationToken.None));

    public async Task<SessionPage> SessionsAsync(SessionQuery query) =>
        (SessionPage)await ReadOncePerPollAsync(query, async () => await store.ListSessionsAsync(query, CancellationToken.None));

    // Reads are shared between callers, so none of them runs with one caller's cancellation token.
    private Task<object> ReadOncePerPollAsync(object key, Func<Task<object>> read)
    {
        ConcurrentDictionary<object, Task<object>> reads;
        lock (_lock)
        {
            var poll = hub.Latest?.PolledAt;
            if (poll != _readsPoll)
            {
                _reads = new();
                _readsPoll = poll;
            }

            reads = _reads;
        }

        var task = reads.GetOrAdd(key, _ => read());
        // A failed read is not kept: the next caller tries again.
        _ = task.ContinueWith(
            failed => reads.TryRemove(new KeyValuePair<object, Task<object>>(key, failed)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return task;
    }
}
