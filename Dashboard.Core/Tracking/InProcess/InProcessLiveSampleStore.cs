using Dashboard.Core.History;

namespace Dashboard.Core.Tracking.InProcess;

/// <summary>The live samples in this process's memory: the snapshots of the last hour, oldest first, behind one lock.</summary>
public sealed class InProcessLiveSampleStore : ILiveSampleStore
{
    // A safety bound on top of the hour: one sample a second, whatever the poll interval is set to.
    internal const int MaxSamples = 3600;

    private readonly Lock _lock = new();
    private readonly List<LiveSnapshot> _snapshots = [];

    public Task AppendAsync(LiveSnapshot snapshot, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _snapshots.FindLastIndex(stored => stored.Timestamp <= snapshot.Timestamp);
            if (index >= 0 && _snapshots[index].Timestamp == snapshot.Timestamp)
            {
                return Task.CompletedTask;
            }

            _snapshots.Insert(index + 1, snapshot);
            var cutoff = _snapshots[^1].Timestamp - LiveSample.Retention;
            var stale = _snapshots.FindIndex(stored => stored.Timestamp >= cutoff);
            _snapshots.RemoveRange(0, Math.Max(stale, _snapshots.Count - MaxSamples));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiveSample>> ReadRangeAsync(
        HistoryScope scope, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<LiveSample> samples = [.. InRange(since, until).Select(snapshot => SampleOf(snapshot, scope))];
            return Task.FromResult(samples);
        }
    }

    public Task<IReadOnlyDictionary<HistoryScope, IReadOnlyList<LiveSample>>> ReadAllScopesAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var snapshots = InRange(since, until).ToList();
            var scopes = snapshots
                .SelectMany(snapshot => snapshot.Modules.Select(module => HistoryScope.Module(module.Id))
                    .Concat(snapshot.Organizations.Select(organization => HistoryScope.Organization(organization.Id))))
                .Prepend(HistoryScope.Overall)
                .Distinct();
            IReadOnlyDictionary<HistoryScope, IReadOnlyList<LiveSample>> samples = scopes.ToDictionary(
                scope => scope,
                scope => (IReadOnlyList<LiveSample>)[.. snapshots.Select(snapshot => SampleOf(snapshot, scope))]);
            return Task.FromResult(samples);
        }
    }

    private IEnumerable<LiveSnapshot> InRange(DateTimeOffset since, DateTimeOffset until) =>
        _snapshots.Where(snapshot => snapshot.Timestamp >= since && snapshot.Timestamp < until);

    private static LiveSample SampleOf(LiveSnapshot snapshot, HistoryScope scope) => scope.Kind switch
    {
        HistoryScopeKind.Module => new(snapshot.Timestamp, UsersOf(snapshot.Modules, scope.Id)),
        HistoryScopeKind.Organization => new(snapshot.Timestamp, UsersOf(snapshot.Organizations, scope.Id)),
        _ => new(snapshot.Timestamp, snapshot.ConcurrentUsers, snapshot.ActiveSessions),
    };

    private static long UsersOf(IReadOnlyList<DimensionCount> counts, string? id) =>
        counts.FirstOrDefault(count => count.Id == id)?.Users ?? 0;
}
