using System.Diagnostics;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Bench;

/// <summary>
/// Figures 5 and 6, on the store itself: users are loaded in-process through <see cref="RedisLiveStore.RecordAsync"/>
/// (the path every HTTP heartbeat ends in, without HTTP), each under its own key prefix, which the app never reads.
/// </summary>
internal sealed class StoreBench(BenchSettings settings, Heartbeats heartbeats, IConnectionMultiplexer redis, RedisInfo info)
{
    private const int LoadBatch = 1000;
    private const int LoadConcurrency = 4;

    public RedisLiveStore Store(string prefix, int? shards = null) => new(
        redis,
        Options.Create(new TrackingOptions
        {
            KeyPrefix = prefix,
            Shards = shards ?? settings.Shards,
            // Loading a million users takes longer than the default minute: every loaded user stays active here.
            ActivityWindow = TimeSpan.FromHours(1),
            SessionTtl = TimeSpan.FromHours(2),
            TopOrganizations = settings.TopOrganizations,
        }),
        TimeProvider.System);

    /// <summary>Figures 6 (bytes per user at <see cref="BenchSettings.Users"/>) and 5 (snapshot at that size ÷ small).</summary>
    public async Task<SnapshotFigures> RunAsync(Report report)
    {
        var memory = await MeasureMemoryAsync("bench", settings.Users);
        var largest = memory.Kinds.Take(4).Select(kind => $"`{kind.Name}` {kind.Bytes / (double)settings.Users:N0} B ({kind.Encoding})");
        report.Figure(6, $"Redis bytes per active user at {settings.Users:N0}",
            $"{memory.BytesPerUser:N0} B ({(memory.After - memory.Before) / 1048576.0:N0} MiB)", memory.BytesPerUser, 450, higherIsBetter: false,
            "A user is one entry of the shard's user records (`:r`, a hashtable: ~24 B entry, key and the record's string) and one of the " +
            $"users sorted set (`:u`, a skiplist: ~100 B); organizations and module × organization pairs are counters, not sets of users. Largest: {string.Join(", ", largest)}. See the breakdown.");
        report.Detail(6, $"Loaded in-process through RedisLiveStore.RecordAsync ({LoadBatch}-heartbeat batches, {LoadConcurrency} at once): {memory.LoadRate:N0} heartbeats/s.");
        report.Detail(6, $"used_memory {memory.Before:N0} B before, {memory.After:N0} B after; {settings.Shards} shards; " +
            $"{heartbeats.OrganizationsFor(settings.Users):N0} organizations, {heartbeats.Modules} modules, one session per user, user agents of {Heartbeats.AverageUserAgentLength:N0} characters on average.");
        report.Detail(6, $"Server: zset-max-listpack-entries {await info.ConfigAsync("zset-max-listpack-entries")}, hash-max-listpack-entries {await info.ConfigAsync("hash-max-listpack-entries")}, hash-max-listpack-value {await info.ConfigAsync("hash-max-listpack-value")}.");
        report.Detail(6, "");
        report.Detail(6, "| Key kind | Keys | Encoding (first key) | MEMORY USAGE total | Bytes per user |");
        report.Detail(6, "| --- | --- | --- | --- | --- |");
        foreach (var kind in memory.Kinds)
        {
            report.Detail(6, $"| `{kind.Name}` | {kind.Keys:N0} | {kind.Encoding} | {kind.Bytes / 1048576.0:N1} MiB | {kind.Bytes / (double)settings.Users:N0} |");
        }

        var keyed = memory.Kinds.Sum(kind => kind.Bytes);
        report.Detail(6, $"| (keyspace tables, allocator) | | | {(memory.After - memory.Before - keyed) / 1048576.0:N1} MiB | {(memory.After - memory.Before - keyed) / (double)settings.Users:N0} |");
        report.Detail(6, "");

        var small = Store("small");
        await LoadAsync(small, settings.SmallUsers);
        var big = Store("bench");
        var smallFigures = await TimeSnapshotAsync(small, settings.SmallUsers);
        var bigFigures = await TimeSnapshotAsync(big, settings.Users);

        // What grows: the same million users in as few organizations as the small population has.
        await info.FlushAsync();
        var fewOrganizations = heartbeats.OrganizationsFor(settings.SmallUsers);
        var fixedOrganizations = Store("fixed");
        await LoadAsync(fixedOrganizations, settings.Users, fewOrganizations);
        var fixedFigures = await TimeSnapshotAsync(fixedOrganizations, settings.Users);

        // Shards spread a Redis Cluster's load; on one server they only multiply the (organization, shard) pairs.
        await info.FlushAsync();
        var oneShardMemory = await MeasureMemoryAsync("one", settings.Users, shards: 1);
        var oneShardFigures = await TimeSnapshotAsync(Store("one", shards: 1), settings.Users);
        await info.FlushAsync();

        report.Figure(5, $"Snapshot (poll) at {settings.Users:N0} ÷ at {settings.SmallUsers:N0} active users",
            $"{bigFigures.MedianMs:N1} ms ÷ {smallFigures.MedianMs:N2} ms", bigFigures.MedianMs / smallFigures.MedianMs, 2, higherIsBetter: false,
            $"A poll costs what changed since the last one: each shard counts up to the window's start (visiting only users who stop counting) and reports " +
            $"the organizations whose counts changed; a home shard's ranking is read again only when it changed. Redis ran the poll's scripts for " +
            $"{bigFigures.RedisMs:N2} ms at {settings.Users:N0} users and {smallFigures.RedisMs:N2} ms at {settings.SmallUsers:N0}; the rest is the client's 16 round trips, " +
            $"and the noise of shared cores (the same {settings.Users:N0} users in {fixedFigures.Organizations:N0} organizations: {fixedFigures.MedianMs:N2} ms, {fixedFigures.RedisMs:N2} ms in Redis).");
        foreach (var figures in new[] { smallFigures, bigFigures, fixedFigures })
        {
            report.Detail(5, $"{figures.Users:N0} users in {figures.Organizations:N0} organizations and {figures.Modules} modules: median of {settings.SnapshotSamples} ReadSnapshotAsync " +
                $"{figures.MedianMs:N2} ms, of which Redis ran the {settings.Shards} shard scripts for {figures.RedisMs:N2} ms (it serves nothing else meanwhile); counted {figures.CountedUsers:N0} users.");
        }

        report.Detail(5, $"With Dashboard:Tracking:Shards = 1 (one Redis server), {settings.Users:N0} users in {oneShardFigures.Organizations:N0} organizations: " +
            $"{oneShardFigures.MedianMs:N2} ms ({oneShardFigures.RedisMs:N2} ms in Redis), {oneShardFigures.MedianMs / smallFigures.MedianMs:N1}× the small poll at {settings.Shards} shards.");
        report.Detail(6, $"With Dashboard:Tracking:Shards = 1 (one Redis server): {oneShardMemory.BytesPerUser:N0} B per user.");

        return bigFigures;
    }

    /// <summary>Loads users 0..count-1 and returns heartbeats per second of the load.</summary>
    public async Task<double> LoadAsync(RedisLiveStore store, int count, int? organizations = null)
    {
        var clock = Stopwatch.StartNew();
        var next = -LoadBatch;
        var workers = Enumerable.Range(0, LoadConcurrency).Select(async _ =>
        {
            int first;
            while ((first = Interlocked.Add(ref next, LoadBatch)) < count)
            {
                var batch = Enumerable.Range(first, Math.Min(LoadBatch, count - first))
                    .Select(user => heartbeats.Activity(user, count, organizations ?? heartbeats.OrganizationsFor(count)))
                    .ToList();
                await store.RecordAsync(batch, CancellationToken.None);
            }
        });
        await Task.WhenAll(workers);
        return count / clock.Elapsed.TotalSeconds;
    }

    public async Task<MemoryFigures> MeasureMemoryAsync(string prefix, int users, int? shards = null)
    {
        await info.FlushAsync();
        var before = await info.UsedMemoryAsync();
        var store = Store(prefix, shards);
        var rate = await LoadAsync(store, users);
        // As the app would after loading: one poll sends the organizations whose counts changed to their homes,
        // the next lets the shards forget them.
        await store.ReadSnapshotAsync(CancellationToken.None);
        await store.ReadSnapshotAsync(CancellationToken.None);
        var after = await info.UsedMemoryAsync();
        var kinds = shards is null ? await info.KeyKindsAsync(prefix) : [];
        return new MemoryFigures(users, before, after, rate, kinds);
    }

    /// <summary>Median duration of <see cref="RedisLiveStore.ReadSnapshotAsync"/>, after one warm-up read.</summary>
    public async Task<SnapshotFigures> TimeSnapshotAsync(RedisLiveStore store, int users)
    {
        var first = await store.ReadSnapshotAsync(CancellationToken.None);
        // The garbage of loading the population is the benchmark's, not the poll's: collected before the clock runs.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var samples = new List<double>();
        var scriptsBefore = await info.ScriptMicrosAsync();
        for (var i = 0; i < settings.SnapshotSamples; i++)
        {
            var clock = Stopwatch.StartNew();
            await store.ReadSnapshotAsync(CancellationToken.None);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        var redisMs = (await info.ScriptMicrosAsync() - scriptsBefore) / 1000.0 / settings.SnapshotSamples;
        return new SnapshotFigures(users, first.ConcurrentUsers, first.ActiveOrganizations, first.Modules.Count, Stats.Median(samples), redisMs);
    }
}
