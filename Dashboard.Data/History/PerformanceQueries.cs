using Dashboard.Core.Performance;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Dashboard.Ranges;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.History;

/// <summary>
/// The platform's response times over a range: minute by minute for the latency chart, or merged over the whole range
/// from the minutes' stored histograms.
/// </summary>
public sealed class PerformanceQueries(IDbContextFactory<HistoryDbContext> contexts)
{
    public Task<IReadOnlyList<PerformancePoint>> GetOverallAsync(TimeRange range, CancellationToken cancellationToken) =>
        GetMinutesAsync(range, null, cancellationToken);

    /// <summary>One module's minutes, or the platform's when <paramref name="module"/> is null, oldest first.</summary>
    public Task<IReadOnlyList<PerformancePoint>> GetMinutesAsync(TimeRange range, string? module, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<IReadOnlyList<PerformancePoint>>(async () =>
        {
            var moduleId = module ?? PerformanceMetric.AllModules;
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await InRange(context.PerformanceMetrics.AsNoTracking(), range)
                .Where(row => row.ModuleId == moduleId)
                .OrderBy(row => row.BucketStart)
                .Select(row => new PerformancePoint(row.BucketStart, row.P50Ms, row.P95Ms, row.P99Ms, row.RequestCount, row.ErrorCount))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// Requests, errors and percentiles of every minute that overlaps the range, per module and overall (the
    /// platform's, as live), as exact as one histogram of all their requests. With <paramref name="module"/> only that
    /// module's rows are read: its figures are in <see cref="PerformanceSnapshot.Modules"/>, when it had requests.
    /// </summary>
    public Task<PerformanceSnapshot> GetMergedAsync(TimeRange range, string? module, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            // The overall rows are not read: the modules' merge gives the same histogram.
            var rows = InRange(context.PerformanceMetrics, range).Where(row => row.ModuleId != PerformanceMetric.AllModules);
            if (module is not null)
            {
                rows = rows.Where(row => row.ModuleId == module);
            }

            var histograms = await StoredHistograms.MergeByModuleAsync(rows, cancellationToken).ConfigureAwait(false);
            return PerformanceSnapshot.Of(TimeBuckets.Floor(range.Start, TimeBuckets.Minute), histograms);
        });

    // Every minute row that overlaps the range: the one it starts in counts.
    private static IQueryable<PerformanceMetric> InRange(IQueryable<PerformanceMetric> rows, TimeRange range)
    {
        var start = TimeBuckets.Floor(range.Start, TimeBuckets.Minute);
        return rows.Where(row => row.BucketStart >= start && row.BucketStart < range.End);
    }
}
