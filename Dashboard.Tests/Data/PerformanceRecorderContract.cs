using Dashboard.Core.History;
using Dashboard.Core.Performance;
using Dashboard.Core.Tracking;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Dashboard.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>performance_metrics rows from the live store's minute histograms, on both databases.</summary>
public abstract class PerformanceRecorderContract : HistoryDatabaseContract
{
    [Fact]
    public async Task RecordMinute_Twice_LeavesOneCorrectRowPerModuleAndOverall()
    {
        var store = Services.GetRequiredService<ILiveStore>();
        var recorder = Services.GetRequiredService<PerformanceRecorder>();
        await store.RecordAsync(
        [
            Activity.Of("u1", "s1", "tax") with { ResponseTimeMs = 100 },
            Activity.Of("u2", "s2", "tax") with { ResponseTimeMs = 300, IsError = true },
        ], default);
        var now = Time.GetUtcNow();
        await recorder.RecordMinuteAsync(now, await store.ReadPerformanceAsync(now, now, default), default);
        await store.RecordAsync([Activity.Of("u3", "s3", "payroll") with { ResponseTimeMs = 50 }], default);

        await recorder.RecordMinuteAsync(now, await store.ReadPerformanceAsync(now, now, default), default);

        await using var context = await Services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();
        var rows = await context.PerformanceMetrics.AsNoTracking().OrderBy(row => row.ModuleId).ToListAsync();
        Assert.Equal([PerformanceMetric.AllModules, "payroll", "tax"], rows.Select(row => row.ModuleId));
        Assert.All(rows, row => Assert.Equal(Start, row.BucketStart));
        Assert.Equal((3L, 1L), (rows[0].RequestCount, rows[0].ErrorCount));
        Assert.Equal((2L, 1L), (rows[2].RequestCount, rows[2].ErrorCount));
        Assert.InRange(rows[2].P99Ms!.Value, 300 * 0.98, 300 * 1.02);
        Assert.InRange(rows[1].P50Ms!.Value, 50 * 0.98, 50 * 1.02);
        Assert.Equal(
            $"{LatencyHistogram.BucketOf(100)}:1,{LatencyHistogram.BucketOf(300)}:1",
            rows[2].LatencyBuckets);

        var series = await Services.GetRequiredService<PerformanceQueries>().GetOverallAsync(new TimeRange(Start.AddHours(-1), Start.AddMinutes(1)), default);
        var point = Assert.Single(series);
        Assert.Equal((Start, 3L, 1L), (point.Minute, point.Requests, point.Errors));
        Assert.Equal(rows[0].P95Ms, point.P95);
        Assert.Empty(await Services.GetRequiredService<PerformanceQueries>().GetOverallAsync(new TimeRange(Start.AddHours(-2), Start.AddHours(-1)), default));
    }
}
