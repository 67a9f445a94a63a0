using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Core.Performance;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>
/// The live store on Redis or Redis Cluster. Users are spread over shards by a stable hash of the user id; every key
/// of a shard shares one hash tag, so each script runs in one slot, and a count is the sum over shards.
/// The key layout is described in Scripts/shared.lua.
/// </summary>
public sealed class RedisLiveStore : ILiveStore, IDisposable
{
    // One cleanup call removes at most this many members: removing 100k at once blocks Redis for ~37 ms.
    internal const int CleanupChunk = 1000;

    private readonly TrackingOptions _options;
    private readonly TimeProvider _time;
    private readonly RedisShards _shards;
    private readonly OrganizationRanking _ranking;

    // Held by a read's further calls while many users stop counting (see ReadAsync).
    private readonly SemaphoreSlim _expiring = new(1, 1);

    public RedisLiveStore(IConnectionMultiplexer redis, IOptions<TrackingOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _shards = new RedisShards(redis, _options);
        _ranking = new OrganizationRanking(_shards, _options);
    }

    public void Dispose() => _expiring.Dispose();

    public async Task<IReadOnlyList<int>> RecordAsync(IReadOnlyList<ActivityEvent> activities, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var ttl = (long)_options.SessionTtl.TotalMilliseconds;
        var taken = await ClaimSessionsAsync(activities, now, ttl).ConfigureAwait(false);
        if (taken.Count > 0)
        {
            return taken;
        }

        var calls = activities
            .GroupBy(activity => _shards.Of(activity.UserId))
            .Select(shard => EvaluateAsync(RedisScripts.Record, shard.Key, RecordArguments(now, ttl, shard)));
        await Task.WhenAll(calls).ConfigureAwait(false);
        return [];
    }

    // Each session's owner is kept at its session id's home shard (claim.lua). A batch whose sessions live on several
    // shards is checked on all of them before any claims, so a refused batch claims nothing; only a race with another
    // request for the same new session between the two steps can leave this batch's other sessions claimed, by their
    // own users, and unrecorded until their next heartbeat.
    private async Task<IReadOnlyList<int>> ClaimSessionsAsync(IReadOnlyList<ActivityEvent> activities, long now, long ttl)
    {
        var homes = activities
            .Select((activity, place) => (Activity: activity, Place: place))
            .GroupBy(item => _shards.Of(item.Activity.SessionId))
            .ToList();
        async Task<IReadOnlyList<int>> ClaimAsync(bool claim)
        {
            var results = await Task.WhenAll(homes.Select(home => EvaluateAsync(RedisScripts.Claim, home.Key,
            [
                now, ttl, claim ? 1 : 0,
                .. home.Select(item => (RedisValue)string.Join('|',
                    item.Place.ToString(CultureInfo.InvariantCulture), item.Activity.SessionId, item.Activity.UserId, item.Activity.IsActive ? "1" : "0")),
            ]))).ConfigureAwait(false);
            return [.. results.SelectMany(result => (int[])result!).Order()];
        }

        if (homes.Count > 1 && await ClaimAsync(claim: false).ConfigureAwait(false) is { Count: > 0 } refused)
        {
            return refused;
        }

        return await ClaimAsync(claim: true).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> AdmitModulesAsync(IReadOnlyList<string> modules, int maxModules, CancellationToken cancellationToken)
    {
        var admitted = await EvaluateAsync(RedisScripts.AdmitModules, 0, [maxModules, .. modules.Select(module => (RedisValue)module)])
            .ConfigureAwait(false);
        return (string[])admitted!;
    }

    /// <summary>
    /// Each shard counts up to the window's start and gives its counts and the organizations whose counts changed;
    /// the organizations' homes then rank them (<see cref="OrganizationRanking"/>).
    /// </summary>
    public async Task<LiveSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var since = WindowStart(now);
        var replies = await _shards.OnEachAsync(shard => ReadAsync(RedisScripts.Snapshot, shard, [since, _ranking.AppliedVersion(shard)]))
            .ConfigureAwait(false);
        var shards = replies.Select(ShardSnapshot.Parse).ToList();
        var ranking = await _ranking.UpdateAsync(shards).ConfigureAwait(false);
        var modules = Sum(shards.SelectMany(shard => shard.Modules));
        return new LiveSnapshot(now, shards.Sum(shard => shard.Users), shards.Sum(shard => shard.Sessions), modules, ranking.Top, ranking.Active);
    }

    public async Task<ModuleUsage> ReadModuleAsync(string moduleId, CancellationToken cancellationToken)
    {
        var (users, organizations) = await ReadUsageAsync("m", moduleId).ConfigureAwait(false);
        return new ModuleUsage(moduleId, users, organizations);
    }

    public async Task<OrganizationUsage> ReadOrganizationAsync(string organizationId, CancellationToken cancellationToken)
    {
        var (users, modules) = await ReadUsageAsync("o", organizationId).ConfigureAwait(false);
        return new OrganizationUsage(organizationId, users, modules);
    }

    public async Task<SessionPage> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        var since = WindowStart(_time.GetUtcNow());
        RedisValue[] arguments =
            [since, query.Offset + query.PageSize, query.UserId ?? "", query.ModuleId ?? "", query.OrganizationId ?? ""];
        // A user lives in one shard; otherwise every shard may hold matches.
        var shards = query.UserId is null
            ? _shards.OnEachAsync(shard => ReadAsync(RedisScripts.Sessions, shard, arguments))
            : Task.WhenAll(ReadAsync(RedisScripts.Sessions, _shards.Of(query.UserId), arguments));
        var results = await shards.ConfigureAwait(false);

        long total = 0;
        var sessions = new List<ActiveSession>();
        foreach (var result in results)
        {
            var parts = (RedisResult[])result!;
            total += (long)parts[0];
            for (var i = 1; i < parts.Length; i += 3)
            {
                sessions.Add(ParseSession((string)parts[i]!, (long)parts[i + 1], (string)parts[i + 2]!));
            }
        }

        var page = SessionOrder.Apply(sessions).Skip(query.Offset).Take(query.PageSize).ToList();
        return new SessionPage(page, total);
    }

    public async Task<long> CleanupAsync(CancellationToken cancellationToken)
    {
        var before = _time.GetUtcNow().Subtract(_options.SessionTtl).ToUnixTimeMilliseconds();
        var since = WindowStart(_time.GetUtcNow());
        long expiredSessions = 0;
        for (var shard = 0; shard < _options.Shards; shard++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            expiredSessions += await RepeatUntilDoneAsync(() =>
                EvaluateAsync(RedisScripts.ExpireSessions, shard, [before, CleanupChunk, since])).ConfigureAwait(false);
            // The histograms expire by themselves; their index keeps modules as long as the histograms live.
            var histogramsBefore = _time.GetUtcNow().Subtract(LatencyHistogram.KeptLive).ToUnixTimeMilliseconds();
            await RepeatUntilDoneAsync(() => EvaluateAsync(RedisScripts.Trim, shard, [histogramsBefore, CleanupChunk, ":hm"]))
                .ConfigureAwait(false);
            await RepeatUntilDoneAsync(() => EvaluateAsync(RedisScripts.Trim, shard, [before, CleanupChunk, ":sc", ":so"]))
                .ConfigureAwait(false);
        }

        return expiredSessions;
    }

    public async Task RecordLatenciesAsync(string moduleId, LatencyHistogram requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return;
        }

        RedisValue[] arguments =
        [
            _time.GetUtcNow().ToUnixTimeMilliseconds(), moduleId, requests.Errors,
            .. requests.Buckets.SelectMany(bucket => new RedisValue[] { bucket.Key, bucket.Value }),
        ];
        await EvaluateAsync(RedisScripts.AddLatencies, _shards.Of(moduleId), arguments).ConfigureAwait(false);
    }

    public async Task<PerformanceSnapshot> ReadPerformanceAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var from = since.ToUnixTimeMilliseconds() / 60_000;
        var to = until.ToUnixTimeMilliseconds() / 60_000;
        var shards = await _shards.OnEachAsync(shard => EvaluateAsync(RedisScripts.Performance, shard, [from, to]))
            .ConfigureAwait(false);

        var modules = new Dictionary<string, LatencyHistogram>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            var parts = (RedisResult[])shard!;
            for (var i = 0; i < parts.Length; i += 2)
            {
                var module = (string)parts[i]!;
                if (!modules.TryGetValue(module, out var histogram))
                {
                    histogram = new LatencyHistogram();
                    modules[module] = histogram;
                }

                var counts = (RedisResult[])parts[i + 1]!;
                for (var field = 0; field < counts.Length; field += 2)
                {
                    var name = (string)counts[field]!;
                    var count = (long)counts[field + 1];
                    if (name == "e")
                    {
                        histogram.AddErrors(count);
                    }
                    else
                    {
                        histogram.Add(int.Parse(name, CultureInfo.InvariantCulture), count);
                    }
                }
            }
        }

        return PerformanceSnapshot.Of(DateTimeOffset.FromUnixTimeMilliseconds(from * 60_000), modules);
    }

    private async Task<(long Users, IReadOnlyList<DimensionCount> Breakdown)> ReadUsageAsync(string kind, string id)
    {
        var since = WindowStart(_time.GetUtcNow());
        var shards = await _shards.OnEachAsync(shard => ReadAsync(RedisScripts.Usage, shard, [since, kind, id]))
            .ConfigureAwait(false);

        // { users, { id, users, ... } } from usage.lua
        var parts = shards.Select(shard => (RedisResult[])shard!).ToList();
        return (parts.Sum(part => (long)part[0]), Sum(parts.SelectMany(part => RedisReplies.Counts(part[1]))));
    }

    // now, ttl, the distinct user agents, then one argument per activity (record.lua). A shard's share of a batch
    // comes from a few browsers, so each agent (~120 characters) is sent once, and the activity names its place.
    private static RedisValue[] RecordArguments(long now, long ttl, IEnumerable<ActivityEvent> activities)
    {
        // Ordered: the agents are sent in the order of their places.
        var places = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        var packed = new List<RedisValue>();
        foreach (var activity in activities)
        {
            var place = 0;
            if (!string.IsNullOrEmpty(activity.UserAgent) && !places.TryGetValue(activity.UserAgent, out place))
            {
                place = places.Count + 1;
                places.Add(activity.UserAgent, place);
            }

            packed.Add(Packed(activity, place));
        }

        return [now, ttl, places.Count, .. places.Keys.Select(agent => (RedisValue)agent), .. packed];
    }

    // One argument per activity, not one per field: a batch of 1,000 is then 1,000 strings for the client to write
    // instead of 9,000, which was ~15% of the app's CPU on the batch endpoint. Ids hold no '|' (ActivityValidator),
    // nor does an IP address.
    private static RedisValue Packed(ActivityEvent activity, int agentPlace) => string.Join('|',
        activity.UserId, activity.SessionId, activity.ModuleId, activity.OrganizationId, activity.IpAddress ?? "",
        activity.IsActive ? "1" : "0",
        activity.ResponseTimeMs is { } responseTime ? LatencyHistogram.BucketOf(responseTime).ToString(CultureInfo.InvariantCulture) : "",
        activity.IsError == true ? "1" : "0",
        agentPlace == 0 ? "" : agentPlace.ToString(CultureInfo.InvariantCulture));

    private static ActiveSession ParseSession(string sessionId, long lastSeen, string record)
    {
        // user, organization, module, started, ip, user agent (last: it may contain the separator)
        var fields = record.Split('\n', 6);
        return new ActiveSession(
            sessionId, fields[0], fields[1], fields[2],
            UserAgent: fields[5].Length == 0 ? null : fields[5],
            IpAddress: fields[4].Length == 0 ? null : fields[4],
            StartedAt: DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture)),
            LastActivityAt: DateTimeOffset.FromUnixTimeMilliseconds(lastSeen));
    }

    // The shards' counts of each id added up, ranked.
    private static IReadOnlyList<DimensionCount> Sum(IEnumerable<DimensionCount> counts) =>
        DimensionCount.Rank(counts.GroupBy(count => count.Id, StringComparer.Ordinal)
            .Select(id => new DimensionCount(id.Key, id.Sum(count => count.Users))));

    private static async Task<long> RepeatUntilDoneAsync(Func<Task<RedisResult>> chunk)
    {
        long total = 0;
        long removed;
        do
        {
            removed = (long)await chunk().ConfigureAwait(false);
            total += removed;
        }
        while (removed >= CleanupChunk);
        return total;
    }

    private long WindowStart(DateTimeOffset now) => now.Subtract(_options.ActivityWindow).ToUnixTimeMilliseconds();

    private Task<RedisResult> EvaluateAsync(RedisScript script, int shard, RedisValue[] arguments) =>
        _shards.EvaluateAsync(script, shard, arguments);

    // A script that reads counts first counts up to the window start, visiting a bounded number of users per call,
    // and answers 0 until it has (expire in shared.lua). The calls that follow go one at a time over all shards, so a
    // heartbeat waits behind one such call at most, not one per shard.
    private async Task<RedisResult> ReadAsync(RedisScript script, int shard, RedisValue[] arguments)
    {
        var result = await EvaluateAsync(script, shard, arguments).ConfigureAwait(false);
        while (result.Resp2Type == ResultType.Integer)
        {
            await _expiring.WaitAsync().ConfigureAwait(false);
            try
            {
                result = await EvaluateAsync(script, shard, arguments).ConfigureAwait(false);
            }
            finally
            {
                _expiring.Release();
            }
        }

        return result;
    }
}
