using Dashboard.Core.Configuration;
using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>
/// The organizations' ranking over the shards. An organization's users may be on any shard; its home shard (by a hash
/// of its id) keeps each shard's latest report of them and ranks its organizations (organizations.lua). Each poll,
/// the shards' snapshots carry the organizations whose counts changed since their homes last heard; the homes with
/// reports to apply, or a ranking newer than this instance holds, return their share, and this instance merges the
/// shares. That costs what changed since the last poll, not how many users are active, and a poll in which no
/// organization's count changed makes no call here. After a shard lost its data (its epoch changed), every home hears
/// of it; a home that lost its own gets every shard's full reports (report_all.lua).
/// </summary>
internal sealed class OrganizationRanking(RedisShards shards, TrackingOptions options)
{
    // A home applies a report in ~15 µs under load. When many organizations' counts changed in one poll (a wave of
    // logins, users who stopped together, the full reports after a data loss), one call per home, all sent at once,
    // held every heartbeat behind them: 16 calls of ~400 reports took ~100 ms of Redis.
    internal const int ReportsPerCall = 250;

    // Per shard, the highest version of organization reports this instance has seen every home apply; shards forget
    // reports up to it. Another instance's polls apply reports too: a report applied twice changes nothing.
    private long[] _appliedVersions = new long[shards.Count];

    // The ranking as this instance last read it: each home shard's share, and their merge.
    private Ranking _ranking = Ranking.Unread(shards.Count);

    // Each shard's epoch as this instance last read it (TAG:c 'epoch'): one that changed lost its data. None read yet.
    private string[] _epochs = new string[shards.Count];

    /// <summary>The highest report version every home has applied of <paramref name="shard"/>'s: it may forget them.</summary>
    public long AppliedVersion(int shard) => _appliedVersions[shard];

    /// <summary>Hands the shards' changed counts to their homes and returns the ranking after them.</summary>
    public async Task<Ranking> UpdateAsync(IReadOnlyList<ShardSnapshot> snapshots)
    {
        var reports = NoReports();
        var reported = (long[])_appliedVersions.Clone();
        var ranking = _ranking;
        var stale = new bool[shards.Count];
        for (var shard = 0; shard < snapshots.Count; shard++)
        {
            foreach (var report in snapshots[shard].Changed)
            {
                stale[AddReport(reports, shard, report)] = true;
                reported[shard] = Math.Max(reported[shard], report.Version);
            }

            stale[shard] |= snapshots[shard].RankingVersion != ranking.Homes[shard].Version;
        }

        // A shard that lost its data may have held users of any home's organizations.
        string[] epochs = [.. snapshots.Select(snapshot => snapshot.Epoch)];
        var lost = !epochs.SequenceEqual(_epochs);
        var homes = Enumerable.Range(0, shards.Count).Where(home => lost || stale[home]).ToList();
        if (homes.Count > 0)
        {
            var shares = (HomeRanking[])ranking.Homes.Clone();
            var needFull = await ApplyReportsAsync(homes, reports, epochs, full: false, shares).ConfigureAwait(false);
            if (needFull.Count > 0)
            {
                await ApplyReportsAsync(needFull, await FullReportsAsync().ConfigureAwait(false), epochs, full: true, shares).ConfigureAwait(false);
            }

            ranking = Ranking.Of(shares, options.TopOrganizations);
        }

        // Only now that every home has applied them may the shards forget these reports.
        _appliedVersions = reported;
        _ranking = ranking;
        _epochs = epochs;
        return ranking;
    }

    // Applies each home's reports and reads its share of the ranking into `shares`; returns the homes that asked for
    // every shard's full reports. The calls go in waves that carry at most ReportsPerCall reports together, one wave at
    // a time, so that a heartbeat waits behind one wave at most (see ReportsPerCall).
    private async Task<List<int>> ApplyReportsAsync(List<int> homes, List<RedisValue>[] reports, string[] epochs, bool full, HomeRanking[] shares)
    {
        RedisValue[] header = [options.TopOrganizations, full ? 1 : 0, shards.Count, .. epochs.Select(epoch => (RedisValue)epoch)];
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
            var read = await Task.WhenAll(wave.Select(call => shards.EvaluateAsync(RedisScripts.Organizations, call.Home, [.. header, .. call.Reports])))
                .ConfigureAwait(false);
            for (var i = 0; i < wave.Count; i++)
            {
                var share = HomeRanking.Parse(read[i]);
                shares[wave[i].Home] = share;
                if (share.NeedsFullReports && !needFull.Contains(wave[i].Home))
                {
                    needFull.Add(wave[i].Home);
                }
            }

            start = end;
        }

        return needFull;
    }

    // Every shard's users per organization, as reports to the organizations' homes (report_all.lua: { version,
    // { organization, users, ... } }).
    private async Task<List<RedisValue>[]> FullReportsAsync()
    {
        var reports = NoReports();
        var replies = await shards.OnEachAsync(shard => shards.EvaluateAsync(RedisScripts.ReportAll, shard, [])).ConfigureAwait(false);
        for (var shard = 0; shard < replies.Length; shard++)
        {
            var parts = (RedisResult[])replies[shard]!;
            foreach (var count in RedisReplies.Counts(parts[1]))
            {
                AddReport(reports, shard, new OrganizationReport(count.Id, (long)parts[0], count.Users));
            }
        }

        return reports;
    }

    // Per home shard, its reports as organizations.lua takes them: organization, shard, version, users.
    private List<RedisValue>[] NoReports() => [.. Enumerable.Range(0, shards.Count).Select(_ => new List<RedisValue>())];

    // Adds a report for the organization's home shard; returns that home.
    private int AddReport(List<RedisValue>[] reports, int shard, OrganizationReport report)
    {
        var home = shards.Of(report.Organization);
        reports[home].AddRange([report.Organization, shard, report.Version, report.Users]);
        return home;
    }
}
