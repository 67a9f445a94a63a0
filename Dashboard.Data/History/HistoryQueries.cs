using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Dashboard.Data.Configuration;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Dashboard.Ranges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.History;

/// <summary>
/// Peak, average and trend of users over a range, overall or for a module or an organization, from the finest tier
/// that covers the range: the live 10-second samples when they reach back to its start (the last hour), else the
/// minute rows while the range starts within their retention, else the hourly rollups. Minute and hourly rows are
/// rebuilt at every poll, so a range that ends now includes the latest sample on every tier.
/// Throws <see cref="StoreUnavailableException"/> when a store is down.
/// </summary>
public sealed class HistoryQueries(
    IDbContextFactory<HistoryDbContext> contexts,
    ILiveSampleStore samples,
    IOptions<RetentionOptions> retention,
    TimeProvider time)
{
    // The live samples cover a range when the first one is at most this long after its start.
    private static readonly TimeSpan LiveCoverageSlack = TimeSpan.FromMinutes(1);

    private readonly RetentionOptions _retention = retention.Value;

    public async Task<HistoryPeak> GetPeakAsync(HistoryScope scope, TimeRange range, CancellationToken cancellationToken)
    {
        if (await LiveSamplesAsync(scope, range, cancellationToken).ConfigureAwait(false) is { } live)
        {
            var peak = live.OrderByDescending(sample => sample.Users).ThenBy(sample => sample.Timestamp).FirstOrDefault();
            return new HistoryPeak(peak?.Users ?? 0, peak?.Timestamp, HistoryTier.LiveSamples);
        }

        var tier = StoredTier(range);
        var top = await ReadAsync(context => InRange(ScopeRows(context, scope), tier, range)
            .OrderByDescending(row => row.MaxUsers)
            .ThenBy(row => row.PeakAt)
            .Select(row => new { row.MaxUsers, row.PeakAt })
            .FirstOrDefaultAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        return new HistoryPeak(top?.MaxUsers ?? 0, top?.PeakAt, tier);
    }

    public async Task<HistoryAverage> GetAverageAsync(HistoryScope scope, TimeRange range, CancellationToken cancellationToken)
    {
        if (await LiveSamplesAsync(scope, range, cancellationToken).ConfigureAwait(false) is { } live)
        {
            return new HistoryAverage(live.Count == 0 ? null : live.Average(sample => sample.Users), live.Count, HistoryTier.LiveSamples);
        }

        var tier = StoredTier(range);
        var (weighted, samples) = await ReadAsync(async context =>
        {
            var weighted = await InRange(ScopeRows(context, scope), tier, range)
                .SumAsync(row => (double?)(row.AvgUsers * row.SampleCount), cancellationToken).ConfigureAwait(false);
            // Every sample of the range weighs in, including those where the module or organization had no row.
            var samples = await InRange(context.ConcurrentUsersHistory, tier, range)
                .SumAsync(row => (long?)row.SampleCount, cancellationToken).ConfigureAwait(false);
            return (weighted ?? 0, samples ?? 0);
        }, cancellationToken).ConfigureAwait(false);
        return new HistoryAverage(samples == 0 ? null : weighted / samples, samples, tier);
    }

    public async Task<HistoryTrend> GetTrendAsync(HistoryScope scope, TimeRange range, CancellationToken cancellationToken)
    {
        var live = await LiveSamplesAsync(scope, range, cancellationToken).ConfigureAwait(false);
        var tier = live is null ? StoredTier(range) : HistoryTier.LiveSamples;
        var resolution = TrendResolution.For(range.Length, tier);
        var points = live is null
            ? await StoredPointsAsync(scope, range, tier, resolution, cancellationToken).ConfigureAwait(false)
            : [.. live
                .GroupBy(sample => TimeBuckets.Floor(sample.Timestamp, resolution))
                .Select(bucket => new TrendPoint(bucket.Key, bucket.Average(sample => sample.Users), bucket.Max(sample => sample.Users)))];

        var average = await GetAverageAsync(scope, range, cancellationToken).ConfigureAwait(false);
        var previous = await GetAverageAsync(scope, range.Previous, cancellationToken).ConfigureAwait(false);
        double? change = previous.Users is > 0 && average.Users is { } current
            ? (current - previous.Users.Value) / previous.Users.Value * 100
            : null;
        return new HistoryTrend(resolution, points, average.Users, previous.Users, change, tier);
    }

    // Hourly rows give the same buckets as minute rows once a bucket is an hour or more, from sixty times fewer rows.
    private async Task<IReadOnlyList<TrendPoint>> StoredPointsAsync(
        HistoryScope scope, TimeRange range, HistoryTier tier, TimeSpan resolution, CancellationToken cancellationToken)
    {
        var source = resolution >= TimeBuckets.Hour ? HistoryTier.Hour : tier;
        var (rows, weights) = await ReadAsync(async context =>
        {
            var rows = await InRange(ScopeRows(context, scope), source, range)
                .Select(row => new { row.BucketStart, row.AvgUsers, row.MaxUsers, row.SampleCount })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var weights = await InRange(context.ConcurrentUsersHistory, source, range)
                .Select(row => new { row.BucketStart, row.SampleCount })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return (rows, weights);
        }, cancellationToken).ConfigureAwait(false);

        var byBucket = rows.ToLookup(row => TimeBuckets.Floor(row.BucketStart, resolution));
        return [.. weights
            .GroupBy(weight => TimeBuckets.Floor(weight.BucketStart, resolution))
            .OrderBy(bucket => bucket.Key)
            .Select(bucket =>
            {
                var scoped = byBucket[bucket.Key].ToList();
                return new TrendPoint(
                    bucket.Key,
                    scoped.Sum(row => row.AvgUsers * row.SampleCount) / Math.Max(1, bucket.Sum(weight => weight.SampleCount)),
                    scoped.Count == 0 ? 0 : scoped.Max(row => row.MaxUsers));
            })];
    }

    /// <summary>The scope's live samples in the range, or null when they do not reach back to its start.</summary>
    private async Task<IReadOnlyList<LiveSample>?> LiveSamplesAsync(HistoryScope scope, TimeRange range, CancellationToken cancellationToken)
    {
        if (range.Start < time.GetUtcNow() - LiveSample.Retention)
        {
            return null;
        }

        var live = await samples.ReadRangeAsync(scope, range.Start - LiveCoverageSlack, range.End, cancellationToken).ConfigureAwait(false);
        return live.Count > 0 && live[0].Timestamp <= range.Start + LiveCoverageSlack
            ? [.. live.Where(sample => sample.Timestamp >= range.Start)]
            : null;
    }

    private HistoryTier StoredTier(TimeRange range) =>
        range.Start >= time.GetUtcNow() - _retention.MinuteRows ? HistoryTier.Minute : HistoryTier.Hour;

    private static IQueryable<UsageRow> ScopeRows(HistoryDbContext context, HistoryScope scope) => scope.Kind switch
    {
        HistoryScopeKind.Module => context.ModuleUsageTracking.Where(row => row.ModuleId == scope.Id),
        HistoryScopeKind.Organization => context.OrganizationUsageHistory.Where(row => row.OrganizationId == scope.Id),
        _ => context.ConcurrentUsersHistory,
    };

    // Whole buckets: a range is widened to the start of the bucket it starts in.
    private static IQueryable<TRow> InRange<TRow>(IQueryable<TRow> rows, HistoryTier tier, TimeRange range)
        where TRow : UsageRow
    {
        var granularity = tier == HistoryTier.Hour ? HistoryGranularity.Hour : HistoryGranularity.Minute;
        var start = TimeBuckets.Floor(range.Start, TrendResolution.Granularity(tier));
        var end = range.End;
        return rows.Where(row => row.Granularity == granularity && row.BucketStart >= start && row.BucketStart < end);
    }

    private async Task<T> ReadAsync<T>(Func<HistoryDbContext, Task<T>> query, CancellationToken cancellationToken) =>
        await DatabaseErrors.RunAsync(async () =>
        {
            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                return await query(context).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
}
