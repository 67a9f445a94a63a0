using Dashboard.Core.Configuration;
using Dashboard.Core.Performance;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Tracking.InProcess;

/// <summary>
/// The zero-set-up live store: the same model as the Redis store (last-seen sets per dimension, sessions and each
/// user's sessions), held in memory behind one lock. Memory is bounded by what is active, since cleanup drops the rest.
/// </summary>
public sealed class InProcessLiveStore(IOptions<TrackingOptions> options, TimeProvider time) : ILiveStore
{
    private readonly TrackingOptions _options = options.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SessionRecord> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _userSessions = new(StringComparer.Ordinal);
    private readonly LastSeenSet _users = new();
    private readonly Dictionary<string, LastSeenSet> _moduleUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LastSeenSet> _organizationUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Module, string Organization), LastSeenSet> _pairUsers = [];
    private readonly Dictionary<(string Module, long Minute), LatencyHistogram> _latencies = [];

    public Task RecordAsync(IReadOnlyList<ActivityEvent> activities, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            foreach (var activity in activities)
            {
                if (activity.IsActive)
                {
                    Touch(activity, now);
                }
                else
                {
                    EndSession(activity.SessionId);
                }

                if (activity.ResponseTimeMs is { } responseTime)
                {
                    SetOf(_latencies, (activity.ModuleId, now / 60_000)).Record(responseTime, activity.IsError == true);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<LiveSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = WindowStart(now);
        lock (_lock)
        {
            var sessions = _sessions.Values.LongCount(session => session.LastSeen >= cutoff);
            return Task.FromResult(new LiveSnapshot(
                now, _users.CountSince(cutoff), sessions, Count(_moduleUsers, cutoff), Count(_organizationUsers, cutoff)));
        }
    }

    public Task<ModuleUsage> ReadModuleAsync(string moduleId, CancellationToken cancellationToken)
    {
        var cutoff = WindowStart(time.GetUtcNow());
        lock (_lock)
        {
            var organizations = _pairUsers
                .Where(pair => pair.Key.Module == moduleId)
                .Select(pair => new DimensionCount(pair.Key.Organization, pair.Value.CountSince(cutoff)));
            return Task.FromResult(new ModuleUsage(
                moduleId, CountOf(_moduleUsers, moduleId, cutoff), DimensionCount.Rank(organizations)));
        }
    }

    public Task<OrganizationUsage> ReadOrganizationAsync(string organizationId, CancellationToken cancellationToken)
    {
        var cutoff = WindowStart(time.GetUtcNow());
        lock (_lock)
        {
            var modules = _pairUsers
                .Where(pair => pair.Key.Organization == organizationId)
                .Select(pair => new DimensionCount(pair.Key.Module, pair.Value.CountSince(cutoff)));
            return Task.FromResult(new OrganizationUsage(
                organizationId, CountOf(_organizationUsers, organizationId, cutoff), DimensionCount.Rank(modules)));
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
            foreach (var sessionId in expired)
            {
                ForgetUserSession(_sessions[sessionId].UserId, sessionId);
                _sessions.Remove(sessionId);
            }

            _users.RemoveBefore(cutoff);
            Trim(_moduleUsers, cutoff);
            Trim(_organizationUsers, cutoff);
            Trim(_pairUsers, cutoff);
            var oldestMinute = time.GetUtcNow().Subtract(LatencyHistogram.KeptLive).ToUnixTimeMilliseconds() / 60_000;
            foreach (var key in _latencies.Keys.Where(key => key.Minute < oldestMinute).ToList())
            {
                _latencies.Remove(key);
            }

            return Task.FromResult((long)expired.Count);
        }
    }

    private void Touch(ActivityEvent activity, long now)
    {
        var startedAt = now;
        if (_sessions.TryGetValue(activity.SessionId, out var previous))
        {
            startedAt = previous.StartedAt;
            if (previous.UserId != activity.UserId)
            {
                ForgetUserSession(previous.UserId, activity.SessionId);
            }
        }

        _sessions[activity.SessionId] = new SessionRecord(
            activity.UserId, activity.OrganizationId, activity.ModuleId, activity.UserAgent, activity.IpAddress,
            startedAt, Math.Max(now, previous?.LastSeen ?? now));
        SetOf(_userSessions, activity.UserId).Add(activity.SessionId);

        _users.Touch(activity.UserId, now);
        SetOf(_moduleUsers, activity.ModuleId).Touch(activity.UserId, now);
        SetOf(_organizationUsers, activity.OrganizationId).Touch(activity.UserId, now);
        SetOf(_pairUsers, (activity.ModuleId, activity.OrganizationId)).Touch(activity.UserId, now);
    }

    // The user's presence everywhere this session counted falls back to their other sessions' latest activity.
    private void EndSession(string sessionId)
    {
        if (!_sessions.Remove(sessionId, out var ended))
        {
            return;
        }

        ForgetUserSession(ended.UserId, sessionId);
        var others = _userSessions.TryGetValue(ended.UserId, out var ids)
            ? ids.Select(id => _sessions[id]).ToList()
            : [];

        _users.Set(ended.UserId, Latest(others));
        SetOf(_moduleUsers, ended.ModuleId)
            .Set(ended.UserId, Latest(others.Where(other => other.ModuleId == ended.ModuleId)));
        SetOf(_organizationUsers, ended.OrganizationId)
            .Set(ended.UserId, Latest(others.Where(other => other.OrganizationId == ended.OrganizationId)));
        SetOf(_pairUsers, (ended.ModuleId, ended.OrganizationId))
            .Set(ended.UserId, Latest(others.Where(other =>
                other.ModuleId == ended.ModuleId && other.OrganizationId == ended.OrganizationId)));
    }

    private void ForgetUserSession(string userId, string sessionId)
    {
        if (_userSessions.TryGetValue(userId, out var ids) && ids.Remove(sessionId) && ids.Count == 0)
        {
            _userSessions.Remove(userId);
        }
    }

    private long WindowStart(DateTimeOffset now) => now.Subtract(_options.ActivityWindow).ToUnixTimeMilliseconds();

    private static long? Latest(IEnumerable<SessionRecord> sessions) =>
        sessions.Select(session => (long?)session.LastSeen).Max();

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

    private static long CountOf(Dictionary<string, LastSeenSet> sets, string key, long cutoff) =>
        sets.TryGetValue(key, out var set) ? set.CountSince(cutoff) : 0;

    private static IReadOnlyList<DimensionCount> Count(Dictionary<string, LastSeenSet> sets, long cutoff) =>
        DimensionCount.Rank(sets.Select(entry => new DimensionCount(entry.Key, entry.Value.CountSince(cutoff))));

    private static void Trim<TKey>(Dictionary<TKey, LastSeenSet> sets, long cutoff)
        where TKey : notnull
    {
        foreach (var (key, set) in sets.ToList())
        {
            set.RemoveBefore(cutoff);
            if (set.IsEmpty)
            {
                sets.Remove(key);
            }
        }
    }
}
