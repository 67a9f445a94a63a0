using Dashboard.Core.Configuration;
using Dashboard.Core.Performance;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Tracking.InProcess;

/// <summary>
/// The zero-set-up live store: each user's sessions in memory behind one lock, counted on read by the same rule as
/// the Redis store (a session counts where it is now while its last activity is within the window). Reads scan what
/// is active, which suits one machine's traffic; memory is bounded by what is active, since cleanup drops the rest.
/// </summary>
public sealed class InProcessLiveStore(IOptions<TrackingOptions> options, TimeProvider time) : ILiveStore
{
    private readonly TrackingOptions _options = options.Value;
    private readonly Lock _lock = new();
    // By session id: a session has one owner, whose user id its record holds.
    private readonly Dictionary<string, SessionRecord> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Module, long Minute), LatencyHistogram> _latencies = [];
    private readonly HashSet<string> _modules = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> AdmitModulesAsync(IReadOnlyList<string> modules, int maxModules, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>(
                [.. modules.Where(module => _modules.Contains(module) || (_modules.Count < maxModules && _modules.Add(module)))]);
        }
    }

    public Task<IReadOnlyList<int>> RecordAsync(IReadOnlyList<ActivityEvent> activities, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            var taken = SessionsOfOtherUsers(activities, now);
            if (taken.Count > 0)
            {
                return Task.FromResult<IReadOnlyList<int>>(taken);
            }

            foreach (var activity in activities)
            {
                var key = activity.SessionId;
                if (!activity.IsActive)
                {
                    _sessions.Remove(key);
                }
                else
                {
                    var previous = _sessions.GetValueOrDefault(key) is { } held && held.UserId == activity.UserId ? held : null;
                    _sessions[key] = new SessionRecord(
                        activity.UserId, activity.OrganizationId, activity.ModuleId, activity.UserAgent, activity.IpAddress,
                        previous?.StartedAt ?? now, Math.Max(now, previous?.LastSeen ?? now));
                }

                if (activity.ResponseTimeMs is { } responseTime)
                {
                    SetOf(_latencies, (activity.ModuleId, now / 60_000)).Record(responseTime, activity.IsError == true);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<int>>([]);
    }

    // The places of activities naming a session that another user holds: live, or opened earlier in the same batch.
    private List<int> SessionsOfOtherUsers(IReadOnlyList<ActivityEvent> activities, long now)
    {
        var expiredBefore = now - (long)_options.SessionTtl.TotalMilliseconds;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new List<int>();
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var owner = owners.GetValueOrDefault(activity.SessionId)
                ?? (_sessions.GetValueOrDefault(activity.SessionId) is { } held && held.LastSeen >= expiredBefore ? held.UserId : null);
            if (owner is not null && owner != activity.UserId)
            {
                taken.Add(i);
            }
            else if (activity.IsActive)
            {
                owners[activity.SessionId] = activity.UserId;
            }
            else
            {
                owners.Remove(activity.SessionId);
            }
        }

        return taken;
    }

    public Task<LiveSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var counted = Counted(WindowStart(now)).ToList();
            var organizations = UsersBy(counted, session => session.OrganizationId);
            return Task.FromResult(new LiveSnapshot(
                now, DistinctUsers(counted), counted.Count,
                UsersBy(counted, session => session.ModuleId), [.. organizations.Take(_options.TopOrganizations)], organizations.Count));
        }
    }

    public Task<ModuleUsage> ReadModuleAsync(string moduleId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var counted = Counted(WindowStart(time.GetUtcNow())).Where(session => session.ModuleId == moduleId).ToList();
            return Task.FromResult(new ModuleUsage(moduleId, DistinctUsers(counted), UsersBy(counted, session => session.OrganizationId)));
        }
    }

    public Task<OrganizationUsage> ReadOrganizationAsync(string organizationId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var counted = Counted(WindowStart(time.GetUtcNow())).Where(session => session.OrganizationId == organizationId).ToList();
            return Task.FromResult(new OrganizationUsage(organizationId, DistinctUsers(counted), UsersBy(counted, session => session.ModuleId)));
        }
    }

    public Task<SessionPage> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        var cutoff = WindowStart(time.GetUtcNow());
        lock (_lock)
        {
            var matches = _sessions
                .Where(entry => entry.Value.LastSeen >= cutoff
                    && (query.UserId is null || entry.Value.UserId == query.UserId)
                    && (query.ModuleId is null || entry.Value.ModuleId == query.ModuleId)
                    && (query.OrganizationId is null || entry.Value.OrganizationId == query.OrganizationId))
                .Select(entry => entry.Value.ToActiveSession(entry.Key))
                .ToList();
            var page = SessionOrder.Apply(matches).Skip(query.Offset).Take(query.PageSize).ToList();
            return Task.FromResult(new SessionPage(page, matches.Count));
        }
    }

    public Task RecordLatenciesAsync(string moduleId, LatencyHistogram requests, CancellationToken cancellationToken)
    {
        var minute = time.GetUtcNow().ToUnixTimeMilliseconds() / 60_000;
        lock (_lock)
        {
            SetOf(_latencies, (moduleId, minute)).Merge(requests);
        }

        return Task.CompletedTask;
    }

    public Task<PerformanceSnapshot> ReadPerformanceAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var from = since.ToUnixTimeMilliseconds() / 60_000;
        var to = until.ToUnixTimeMilliseconds() / 60_000;
        lock (_lock)
        {
            var modules = new Dictionary<string, LatencyHistogram>(StringComparer.Ordinal);
            foreach (var ((module, minute), histogram) in _latencies.Where(entry => entry.Key.Minute >= from && entry.Key.Minute <= to))
            {
                SetOf(modules, module).Merge(histogram);
            }

            return Task.FromResult(PerformanceSnapshot.Of(DateTimeOffset.FromUnixTimeMilliseconds(from * 60_000), modules));
        }
    }

    public Task<long> CleanupAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().Subtract(_options.SessionTtl).ToUnixTimeMilliseconds();
        lock (_lock)
        {
            var expired = _sessions.Where(entry => entry.Value.LastSeen < cutoff).Select(entry => entry.Key).ToList();
            foreach (var key in expired)
            {
                _sessions.Remove(key);
            }

            var oldestMinute = time.GetUtcNow().Subtract(LatencyHistogram.KeptLive).ToUnixTimeMilliseconds() / 60_000;
            foreach (var key in _latencies.Keys.Where(key => key.Minute < oldestMinute).ToList())
            {
                _latencies.Remove(key);
            }

            return Task.FromResult((long)expired.Count);
        }
    }

    private IEnumerable<SessionRecord> Counted(long cutoff) => _sessions.Values.Where(session => session.LastSeen >= cutoff);

    private long WindowStart(DateTimeOffset now) => now.Subtract(_options.ActivityWindow).ToUnixTimeMilliseconds();

    private static long DistinctUsers(IEnumerable<SessionRecord> sessions) =>
        sessions.Select(session => session.UserId).Distinct(StringComparer.Ordinal).LongCount();

    private static IReadOnlyList<DimensionCount> UsersBy(IEnumerable<SessionRecord> sessions, Func<SessionRecord, string> dimension) =>
        DimensionCount.Rank(sessions.GroupBy(dimension, StringComparer.Ordinal)
            .Select(group => new DimensionCount(group.Key, DistinctUsers(group))));

    private static TValue SetOf<TKey, TValue>(Dictionary<TKey, TValue> sets, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!sets.TryGetValue(key, out var set))
        {
            set = new TValue();
            sets[key] = set;
        }

        return set;
    }
}
