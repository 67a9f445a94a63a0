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
public sealed class RedisLiveStore(IConnectionMultiplexer redis, IOptions<TrackingOptions> options, TimeProvider time)
    : ILiveStore, IDisposable
{
    // One cleanup call removes at most this many members: removing 100k at once blocks Redis for ~37 ms.
    internal const int CleanupChunk = 1000;

    // A home applies a report in ~15 µs under load. When many organizations' counts changed in one poll (a wave of
    // logins, users who stopped together, the full reports after a data loss), one call per home, all sent at once,
    // held every heartbeat behind them: 16 calls of ~400 reports took ~100 ms of Redis.
    internal const int ReportsPerCall = 250;

    private readonly TrackingOptions _options = options.Value;

    // Per shard, the highest version of organization reports this instance has seen every home apply; shards forget
    // reports up to it. Another instance's polls apply reports too: a report applied twice changes nothing.
    private long[] _appliedVersions = new long[options.Value.Shards];

    // The organizations' ranking as this instance last read it: each home shard's share, and their merge.
    private Ranking _ranking = Ranking.Unread(options.Value.Shards);

    // Each shard's epoch as this instance last read it (TAG:c 'epoch'): one that changed lost its data. None read yet.
    private string[] _epochs = new string[options.Value.Shards];

    // Held by a read's further calls while many users stop counting (see ReadAsync).
    private readonly SemaphoreSlim _expiring = new(1, 1);

    public void Dispose() => _expiring.Dispose();

    public async Task<IReadOnlyList<int>> RecordAsync(IReadOnlyList<ActivityEvent> activities, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var ttl = (long)_options.SessionTtl.TotalMilliseconds;
        var taken = await ClaimSessionsAsync(activities, now, ttl).ConfigureAwait(false);
        if (taken.Count > 0)
        {
            return taken;
        }

        var calls = activities
            .GroupBy(activity => ShardHash.ShardOf(activity.UserId, _options.Shards))
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
            .GroupBy(item => ShardHash.ShardOf(item.Activity.SessionId, _options.Shards))
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
    /// Each shard counts up to the window's start and reports the organizations whose counts changed since their
    /// homes last heard; then the home shards with reports to apply, or a ranking newer than this instance holds,
    /// return their share of the ranking. Both rounds cost what changed since the last poll, not how many users are
    /// active, and a poll in which no organization's count changed has only the first. After a shard lost its data
    /// (its epoch changed), every home hears of it; a home that lost its own gets every shard's full reports
    /// (organizations.lua).
    /// </summary>
    public async Task<LiveSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = WindowStart(now);
        var applied = _appliedVersions;
        var shards = await Task.WhenAll(AllShards(shard => ReadAsync(RedisScripts.Snapshot, shard, [since, applied[shard]])))
            .ConfigureAwait(false);

        long users = 0, sessions = 0;
        var modules = new Dictionary<string, long>(StringComparer.Ordinal);
        var reports = Enumerable.Range(0, _options.Shards).Select(_ => new List<RedisValue>()).ToArray();
        var reported = (long[])applied.Clone();
        var ranking = _ranking;
        var epochs = new string[_options.Shards];
        var stale = new bool[_options.Shards];
        for (var shard = 0; shard < shards.Length; shard++)
        {
            var parts = (RedisResult[])shards[shard]!;
            users += (long)parts[0];
            sessions += (long)parts[1];
            AddCounts(modules, parts[2]);
            var changed = (RedisResult[])parts[3]!;
            for (var i = 0; i < changed.Length; i += 3)
            {
                var organization = (string)changed[i]!;
                var version = (long)changed[i + 1];
                stale[AddReport(reports, organization, shard, version, (long)changed[i + 2])] = true;
                reported[shard] = Math.Max(reported[shard], version);
            }

            stale[shard] |= (long)parts[4] != ranking.Homes[shard].Version;
            epochs[shard] = (string)parts[5]!;
        }

        // A shard that lost its data may have held users of any home's organizations.
        var lost = !epochs.SequenceEqual(_epochs);
        var homes = Enumerable.Range(0, _options.Shards).Where(home => lost || stale[home]).ToList();
        if (homes.Count > 0)
        {
            var shares = (HomeRanking[])ranking.Homes.Clone();
            var needFull = await ApplyReportsAsync(homes, reports, epochs, full: false, shares).ConfigureAwait(false);
            if (needFull.Count > 0)
            {
                await ApplyReportsAsync(needFull, await FullReportsAsync().ConfigureAwait(false), epochs, full: true, shares).ConfigureAwait(false);
            }

            ranking = Ranking.Of(shares, _options.TopOrganizations);
        }

        // Only now that every home has applied them may the shards forget these reports.
        _appliedVersions = reported;
        _ranking = ranking;
        _epochs = epochs;
        return new LiveSnapshot(now, users, sessions, Ranked(modules), ranking.Top, ranking.Active);
    }

    // Applies each home's reports and reads its share of the ranking into `shares`; returns the homes that asked for
    // every shard's full reports. The calls go in waves that carry at most ReportsPerCall reports together, one wave at
    // a time, so that a heartbeat waits behind one wave at most (see ReportsPerCall).
    private async Task<List<int>> ApplyReportsAsync(List<int> homes, List<RedisValue>[] reports, string[] epochs, bool full, HomeRanking[] shares)
    {
        RedisValue[] header = [_options.TopOrganizations, full ? 1 : 0, _options.Shards, .. epochs.Select(epoch => (RedisValue)epoch)];
        // A home without reports is called too: it returns its ranking.
        var calls = homes
            .SelectMany(home => reports[home].Chunk(ReportsPerCall * 4).DefaultIfEmpty([]).Select(chunk => (Home: home, Reports: chunk)))
            .ToList();
        var needFull = new List<int>();
        for (var start = 0; start < calls.Count;)
        {
            var end = start + 1;
            var carried = calls[start].Reports.Length;
            while (end < calls.Count && carried + calls[end].Reports.Length <= ReportsPerCall * 4)
            {
                carried += calls[end++].Reports.Length;
            }

            var wave = calls[start..end];
            var read = await Task.WhenAll(wave.Select(call => EvaluateAsync(RedisScripts.Organizations, call.Home, [.. header, .. call.Reports])))
                .ConfigureAwait(false);
            for (var i = 0; i < wave.Count; i++)
            {
                var parts = (RedisResult[])read[i]!;
                shares[wave[i].Home] = HomeRanking.Parse(parts);
                if ((long)parts[3] == 1 && !needFull.Contains(wave[i].Home))
                {
                    needFull.Add(wave[i].Home);
                }
            }

            start = end;
        }

        return needFull;
    }

    // Every shard's users per organization, as reports to the organizations' homes (report_all.lua).
    private async Task<List<RedisValue>[]> FullReportsAsync()
    {
        var reports = Enumerable.Range(0, _options.Shards).Select(_ => new List<RedisValue>()).ToArray();
        var shards = await Task.WhenAll(AllShards(shard => EvaluateAsync(RedisScripts.ReportAll, shard, []))).ConfigureAwait(false);
        for (var shard = 0; shard < shards.Length; shard++)
        {
            var parts = (RedisResult[])shards[shard]!;
            var counts = (RedisResult[])parts[1]!;
            for (var i = 0; i < counts.Length; i += 2)
            {
                AddReport(reports, (string)counts[i]!, shard, (long)parts[0], (long)counts[i + 1]);
            }
        }

        return reports;
    }

    // Adds a report for the organization's home shard; returns that home.
    private int AddReport(List<RedisValue>[] reports, string organization, int shard, long version, long users)
    {
        var home = ShardHash.ShardOf(organization, _options.Shards);
        reports[home].AddRange([organization, shard, version, users]);
        return home;
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
        var since = WindowStart(time.GetUtcNow());
        RedisValue[] arguments =
            [since, query.Offset + query.PageSize, query.UserId ?? "", query.ModuleId ?? "", query.OrganizationId ?? ""];
        // A user lives in one shard; otherwise every shard may hold matches.
        var shards = query.UserId is null
            ? AllShards(shard => ReadAsync(RedisScripts.Sessions, shard, arguments))
            : [ReadAsync(RedisScripts.Sessions, ShardHash.ShardOf(query.UserId, _options.Shards), arguments)];
        var results = await Task.WhenAll(shards).ConfigureAwait(false);

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
        var before = time.GetUtcNow().Subtract(_options.SessionTtl).ToUnixTimeMilliseconds();
        var since = WindowStart(time.GetUtcNow());
        long expiredSessions = 0;
        for (var shard = 0; shard < _options.Shards; shard++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            expiredSessions += await RepeatUntilDoneAsync(() =>
                EvaluateAsync(RedisScripts.ExpireSessions, shard, [before, CleanupChunk, since])).ConfigureAwait(false);
            // The histograms expire by themselves; their index keeps modules as long as the histograms live.
            var histogramsBefore = time.GetUtcNow().Subtract(LatencyHistogram.KeptLive).ToUnixTimeMilliseconds();
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
            time.GetUtcNow().ToUnixTimeMilliseconds(), moduleId, requests.Errors,
            .. requests.Buckets.SelectMany(bucket => new RedisValue[] { bucket.Key, bucket.Value }),
        ];
        await EvaluateAsync(RedisScripts.AddLatencies, ShardHash.ShardOf(moduleId, _options.Shards), arguments).ConfigureAwait(false);
    }

    public async Task<PerformanceSnapshot> ReadPerformanceAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var from = since.ToUnixTimeMilliseconds() / 60_000;
        var to = until.ToUnixTimeMilliseconds() / 60_000;
        var shards = await Task.WhenAll(AllShards(shard => EvaluateAsync(RedisScripts.Performance, shard, [from, to])))
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
        var since = WindowStart(time.GetUtcNow());
        var shards = await Task.WhenAll(AllShards(shard => ReadAsync(RedisScripts.Usage, shard, [since, kind, id])))
            .ConfigureAwait(false);

        long users = 0;
        var breakdown = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            var parts = (RedisResult[])shard!;
            users += (long)parts[0];
            AddCounts(breakdown, parts[1]);
        }

        return (users, Ranked(breakdown));
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

    private static void AddCounts(Dictionary<string, long> totals, RedisResult flat)
    {
        var items = (RedisResult[])flat!;
        for (var i = 0; i < items.Length; i += 2)
        {
            var id = (string)items[i]!;
            totals[id] = totals.GetValueOrDefault(id) + (long)items[i + 1];
        }
    }

    private static IReadOnlyList<DimensionCount> Ranked(Dictionary<string, long> totals) =>
        DimensionCount.Rank(totals.Select(entry => new DimensionCount(entry.Key, entry.Value)));

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

    private string Tag(int shard) => $"{{{_options.KeyPrefix}:{shard}}}";

    private IEnumerable<Task<RedisResult>> AllShards(Func<int, Task<RedisResult>> call) =>
        Enumerable.Range(0, _options.Shards).Select(call);

    private Task<RedisResult> EvaluateAsync(RedisScript script, int shard, RedisValue[] arguments) =>
        RedisCalls.RunAsync(() => script.EvaluateAsync(redis.GetDatabase(), [Tag(shard)], arguments));

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

    /// <summary>The organizations' ranking: each home shard's share, merged into the top ones and how many are active.</summary>
    private sealed record Ranking(HomeRanking[] Homes, IReadOnlyList<DimensionCount> Top, long Active)
    {
        public static Ranking Unread(int shards) => new([.. Enumerable.Repeat(HomeRanking.Unread, shards)], [], 0);

        // Merged only when a home's share changed: a poll in which none did costs nothing here either.
        public static Ranking Of(HomeRanking[] homes, int top) =>
            new(homes, [.. DimensionCount.Rank(homes.SelectMany(home => home.Top)).Take(top)], homes.Sum(home => home.Active));
    }

    /// <summary>A home shard's share of the ranking at one version: how many organizations it holds, and its top ones.</summary>
    private sealed record HomeRanking(long Version, long Active, IReadOnlyList<DimensionCount> Top)
    {
        // Versions start at 0 in Redis, so nothing read yet never passes for current.
        public static readonly HomeRanking Unread = new(-1, 0, []);

        // { version, active, { organization, -users, ... } } from organizations.lua
        public static HomeRanking Parse(RedisResult[] parts)
        {
            var top = (RedisResult[])parts[2]!;
            return new HomeRanking((long)parts[0], (long)parts[1],
                [.. top.Chunk(2).Select(pair => new DimensionCount((string)pair[0]!, -(long)pair[1]))]);
        }
    }
}
