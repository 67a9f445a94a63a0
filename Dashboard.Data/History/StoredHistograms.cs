using Dashboard.Core.Performance;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.History;

/// <summary>The latency histograms kept in performance_metrics rows, merged per module.</summary>
internal static class StoredHistograms
{
    /// <summary>
    /// Each module's rows merged into one histogram, modules in the order the query gives them. Rows from before
    /// histograms were kept (no latency_buckets) cannot be merged and are left out. Rows are streamed, not loaded.
    /// </summary>
    public static async Task<OrderedDictionary<string, LatencyHistogram>> MergeByModuleAsync(
        IQueryable<PerformanceMetric> rows, CancellationToken cancellationToken)
    {
        var modules = new OrderedDictionary<string, LatencyHistogram>(StringComparer.Ordinal);
        var stored = rows.AsNoTracking()
            .Where(row => row.LatencyBuckets != null)
            .Select(row => new { row.ModuleId, row.ErrorCount, row.LatencyBuckets })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken)
            .ConfigureAwait(false);
        await foreach (var row in stored)
        {
            if (!modules.TryGetValue(row.ModuleId, out var histogram))
            {
                histogram = new LatencyHistogram();
                modules.Add(row.ModuleId, histogram);
            }

            LatencyBucketText.AddTo(histogram, row.LatencyBuckets!);
            histogram.AddErrors(row.ErrorCount);
        }

        return modules;
    }
}
