using Dashboard.Core.Performance;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.History;

/// <summary>
/// One minute's requests, errors, response-time percentiles and histogram into performance_metrics, overall ("*")
/// and per module; and each module's figures into its minute and hour rows of module_usage_tracking, the hour's merged
/// from the stored histograms of its minutes (percentiles do not add up). Everything is written whole, so writing a
/// minute again, from this instance or another, leaves correct rows.
/// </summary>
/// <remarks>
/// The one writer of module_usage_tracking's request, error and latency columns, because it alone has the histograms:
/// <see cref="HistoryRecorder"/> rebuilds the same rows from user samples, and its SQL hourly rollup could only pick
/// one minute's percentile. Each upserts only its own columns, so they may run in either order without undoing the
/// other; a module with requests but no users in a minute gets a row that says no users.
/// </remarks>
public sealed class PerformanceRecorder(IDbContextFactory<HistoryDbContext> contexts)
{
    private static readonly string[] MetricColumns =
    [
        nameof(PerformanceMetric.RequestCount), nameof(PerformanceMetric.ErrorCount), nameof(PerformanceMetric.P50Ms),
        nameof(PerformanceMetric.P95Ms), nameof(PerformanceMetric.P99Ms), nameof(PerformanceMetric.LatencyBuckets),
    ];

    private static readonly string[] ModuleColumns =
    [
        nameof(ModuleUsageTracking.RequestCount), nameof(ModuleUsageTracking.ErrorCount), nameof(ModuleUsageTracking.LatencyP50Ms),
        nameof(ModuleUsageTracking.LatencyP95Ms), nameof(ModuleUsageTracking.LatencyP99Ms),
    ];

    private static readonly string[] ModuleKey =
        [nameof(UsageRow.Granularity), nameof(ModuleUsageTracking.ModuleId), nameof(UsageRow.BucketStart)];

    public Task RecordMinuteAsync(DateTimeOffset minute, PerformanceSnapshot performance, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            var bucket = TimeBuckets.Floor(minute, TimeBuckets.Minute);
            IEnumerable<(string Module, PerformanceSummary Summary)> figures =
            [
                (PerformanceMetric.AllModules, performance.Overall),
                .. performance.Modules.Select(module => (module.Key, module.Value)),
            ];
            var metrics = figures
                .Where(row => row.Summary.Requests > 0)
                .Select(row => new PerformanceMetric
                {
                    ModuleId = row.Module,
                    BucketStart = bucket,
                    RequestCount = row.Summary.Requests,
                    ErrorCount = row.Summary.Errors,
                    P50Ms = row.Summary.P50,
                    P95Ms = row.Summary.P95,
                    P99Ms = row.Summary.P99,
                    LatencyBuckets = LatencyBucketText.Format(row.Summary.Buckets),
                })
                .ToList();
            // module_usage_tracking counts the platform's modules, the ones people use: the dashboard's own API stays in
            // performance_metrics only. In ordinal order like HistoryRecorder's minute rows, so both lock them alike.
            var modules = performance.Modules
                .Where(module => module.Key != PerformanceSnapshot.OwnApiModule && module.Value.Requests > 0)
                .OrderBy(module => module.Key, StringComparer.Ordinal)
                .Select(module => ModuleRow(HistoryGranularity.Minute, bucket, module.Key, module.Value))
                .ToList();

            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    // A minute's requests only grow: a row of more of them was written from a later read, and stays.
                    await SqlUpsert<PerformanceMetric>.OverwriteAsync(
                        context, metrics, [nameof(PerformanceMetric.ModuleId), nameof(PerformanceMetric.BucketStart)], MetricColumns,
                        cancellationToken, nameof(PerformanceMetric.RequestCount)).ConfigureAwait(false);
                    await SqlUpsert<ModuleUsageTracking>.OverwriteAsync(
                        context, modules, ModuleKey, ModuleColumns, cancellationToken, nameof(ModuleUsageTracking.RequestCount)).ConfigureAwait(false);
                    await RebuildHourAsync(
                        context, TimeBuckets.Floor(bucket, TimeBuckets.Hour), cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        });

    private static async Task RebuildHourAsync(HistoryDbContext context, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var next = hour + TimeBuckets.Hour;
        // Ordered by the database, as HourRollup orders the same hour rows, so the two lock them alike.
        var histograms = await StoredHistograms.MergeByModuleAsync(
            context.PerformanceMetrics
                .Where(row => row.BucketStart >= hour && row.BucketStart < next &&
                    row.ModuleId != PerformanceMetric.AllModules && row.ModuleId != PerformanceSnapshot.OwnApiModule)
                .OrderBy(row => row.ModuleId),
            cancellationToken).ConfigureAwait(false);
        var rows = histograms
            .Select(module => ModuleRow(HistoryGranularity.Hour, hour, module.Key, PerformanceSummary.Of(module.Value)))
            .ToList();
        await SqlUpsert<ModuleUsageTracking>.OverwriteAsync(context, rows, ModuleKey, ModuleColumns, cancellationToken).ConfigureAwait(false);
    }

    // A new row's user columns say "no users" until HistoryRecorder writes them; an existing row keeps its own.
    private static ModuleUsageTracking ModuleRow(HistoryGranularity granularity, DateTimeOffset bucket, string module, PerformanceSummary summary) => new()
    {
        Granularity = granularity,
        BucketStart = bucket,
        ModuleId = module,
        PeakAt = bucket,
        RequestCount = summary.Requests,
        ErrorCount = summary.Errors,
        LatencyP50Ms = summary.P50,
        LatencyP95Ms = summary.P95,
        LatencyP99Ms = summary.P99,
    };
}
