using Dashboard.Core.Performance;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.History;

/// <summary>
/// One minute's requests, errors, response-time percentiles and histogram into performance_metrics, overall ("*")
/// and per module. The minute is written whole from the live store's histograms, so writing it again (from this
/// instance or another) leaves one correct row.
/// </summary>
public sealed class PerformanceRecorder(IDbContextFactory<HistoryDbContext> contexts)
{
    public Task RecordMinuteAsync(DateTimeOffset minute, PerformanceSnapshot performance, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            var bucket = TimeBuckets.Floor(minute, TimeBuckets.Minute);
            IEnumerable<(string Module, PerformanceSummary Summary)> rows =
            [
                (PerformanceMetric.AllModules, performance.Overall),
                .. performance.Modules.Select(module => (module.Key, module.Value)),
            ];
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var existing = await context.PerformanceMetrics.Where(row => row.BucketStart == bucket)
                .ToDictionaryAsync(row => row.ModuleId, cancellationToken).ConfigureAwait(false);
            foreach (var (module, summary) in rows.Where(row => row.Summary.Requests > 0))
            {
                if (!existing.TryGetValue(module, out var row))
                {
                    row = new PerformanceMetric { ModuleId = module, BucketStart = bucket };
                    context.PerformanceMetrics.Add(row);
                }

                row.RequestCount = summary.Requests;
                row.ErrorCount = summary.Errors;
                row.P50Ms = summary.P50;
                row.P95Ms = summary.P95;
                row.P99Ms = summary.P99;
                row.LatencyBuckets = LatencyBucketText.Format(summary.Buckets);
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        });
}
