using Dashboard.Core.History;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.History;

/// <summary>The platform's response times over a range, minute by minute, for the latency chart.</summary>
public sealed class PerformanceQueries(IDbContextFactory<HistoryDbContext> contexts)
{
    public Task<IReadOnlyList<PerformancePoint>> GetOverallAsync(TimeRange range, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<IReadOnlyList<PerformancePoint>>(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var start = TimeBuckets.Floor(range.Start, TimeBuckets.Minute);
            return await context.PerformanceMetrics.AsNoTracking()
                .Where(row => row.ModuleId == PerformanceMetric.AllModules && row.BucketStart >= start && row.BucketStart < range.End)
                .OrderBy(row => row.BucketStart)
                .Select(row => new PerformancePoint(row.BucketStart, row.P50Ms, row.P95Ms, row.P99Ms, row.RequestCount, row.ErrorCount))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        });
}
