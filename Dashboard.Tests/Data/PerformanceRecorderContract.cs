using Dashboard.Core.Performance;
using Dashboard.Core.Tracking;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Dashboard.Ranges;
using Dashboard.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>
/// performance_metrics rows from the live store's minute histograms, and the request, error and latency columns of
/// module_usage_tracking, on both databases.
/// </summary>
public abstract class PerformanceRecorderContract : HistoryDatabaseContract
{
    private PerformanceRecorder Recorder => Services.GetRequiredService<PerformanceRecorder>();

    [Fact]
    public async Task RecordMinute_Twice_LeavesOneCorrectRowPerModuleAndOverall()
    {
        var store = Services.GetRequiredService<ILiveStore>();
        await store.RecordAsync(
        [
            Activity.Of("u1", "s1", "tax") with { ResponseTimeMs = 100 },
            Activity.Of("u2", "s2", "tax") with { ResponseTimeMs = 300, IsError = true },
        ], default);
        var now = Time.GetUtcNow();
        await Recorder.RecordMinuteAsync(now, await store.ReadPerformanceAsync(now, now, default), default);
        await store.RecordAsync([Activity.Of("u3", "s3", "payroll") with { ResponseTimeMs = 50 }], default);

        await Recorder.RecordMinuteAsync(now, await store.ReadPerformanceAsync(now, now, default), default);

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

    [Fact]
    public async Task RecordMinute_FromAnEarlierReadOfTheMinute_LeavesTheRowOfMoreRequests()
    {
        var store = Services.GetRequiredService<ILiveStore>();
        await store.RecordAsync([Activity.Of("u1", "s1", "tax") with { ResponseTimeMs = 100 }], default);
        var now = Time.GetUtcNow();
        var earlier = await store.ReadPerformanceAsync(now, now, default);
        await store.RecordAsync([Activity.Of("u2", "s2", "tax") with { ResponseTimeMs = 300 }], default);
        await Recorder.RecordMinuteAsync(now, await store.ReadPerformanceAsync(now, now, default), default);

        // Another instance that read the minute before the second request writes last.
        await Recorder.RecordMinuteAsync(now, earlier, default);

        await using var context = await Services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();
        var metrics = await context.PerformanceMetrics.AsNoTracking().OrderBy(row => row.ModuleId).ToListAsync();
        Assert.Equal([(PerformanceMetric.AllModules, 2L), ("tax", 2L)], metrics.Select(row => (row.ModuleId, row.RequestCount)));
        var usage = await context.ModuleUsageTracking.AsNoTracking().OrderBy(row => row.Granularity).ToListAsync();
        Assert.Equal([(HistoryGranularity.Hour, 2L), (HistoryGranularity.Minute, 2L)], usage.Select(row => (row.Granularity, row.RequestCount)));
    }

    [Fact]
    public async Task RecordMinute_PlatformModules_FillTheirMinuteAndHourUsageRows()
    {
        var tax = Histogram((100, false), (300, true));

        await Recorder.RecordMinuteAsync(Start, Snapshot(Start, ("tax", tax), (PerformanceSnapshot.OwnApiModule, Histogram((5, false)))), default);

        // The dashboard's own API is no module people use: it stays in performance_metrics only.
        var minute = Assert.Single(await ModuleRowsAsync(HistoryGranularity.Minute));
        var hour = Assert.Single(await ModuleRowsAsync(HistoryGranularity.Hour));
        Assert.Equal(("tax", Start, 2L, 1L), (minute.ModuleId, minute.BucketStart, minute.RequestCount, minute.ErrorCount));
        Assert.Equal((tax.Percentile(50), tax.Percentile(95), tax.Percentile(99)), (minute.LatencyP50Ms, minute.LatencyP95Ms, minute.LatencyP99Ms));
        // No users were recorded for it: the row says none until HistoryRecorder writes them.
        Assert.Equal((0L, 0L, Start), (minute.MaxUsers, minute.MinUsers, minute.PeakAt));
        Assert.Equal(("tax", Start, 2L, 1L), (hour.ModuleId, hour.BucketStart, hour.RequestCount, hour.ErrorCount));
        Assert.Equal(minute.LatencyP99Ms, hour.LatencyP99Ms);
    }

    [Fact]
    public async Task RecordMinute_SeveralMinutesOfAnHour_HourHasThePercentilesOfAllTheirSamples()
    {
        // Many fast requests, then a few slow ones: the worst minute's P50 (1 s) is far from the hour's (10 ms).
        var fast = Histogram([.. Enumerable.Repeat((10.0, false), 100)]);
        var slow = Histogram([.. Enumerable.Repeat((1_000.0, true), 10)]);
        var one = Histogram((50, false));
        var all = new LatencyHistogram();
        foreach (var histogram in new[] { fast, slow, one })
        {
            all.Merge(histogram);
        }

        await Recorder.RecordMinuteAsync(Start, Snapshot(Start, ("tax", fast)), default);
        await Recorder.RecordMinuteAsync(Start.AddMinutes(1), Snapshot(Start.AddMinutes(1), ("tax", slow)), default);
        await Recorder.RecordMinuteAsync(Start.AddMinutes(59), Snapshot(Start.AddMinutes(59), ("tax", one)), default);

        var hour = Assert.Single(await ModuleRowsAsync(HistoryGranularity.Hour));
        Assert.Equal((111L, 10L), (hour.RequestCount, hour.ErrorCount));
        Assert.Equal((all.Percentile(50), all.Percentile(95), all.Percentile(99)), (hour.LatencyP50Ms, hour.LatencyP95Ms, hour.LatencyP99Ms));
        Assert.InRange(hour.LatencyP50Ms!.Value, 10 * 0.98, 10 * 1.02);
        Assert.Equal(3, (await ModuleRowsAsync(HistoryGranularity.Minute)).Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordMinute_AndHistoryRecorder_InEitherOrder_KeepEachOthersColumns(bool performanceFirst)
    {
        var history = Services.GetRequiredService<HistoryRecorder>();
        var users = Snapshots.At(Start, 2, modules: [new DimensionCount("tax", 2)]);
        var performance = Snapshot(Start, ("tax", Histogram((100, false), (200, true))));

        if (performanceFirst)
        {
            await Recorder.RecordMinuteAsync(Start, performance, default);
        }

        await history.RecordAsync(users, default);
        await Recorder.RecordMinuteAsync(Start, performance, default);
        await history.RecordAsync(users, default);

        foreach (var granularity in new[] { HistoryGranularity.Minute, HistoryGranularity.Hour })
        {
            var row = Assert.Single(await ModuleRowsAsync(granularity));
            Assert.Equal((2L, 2L, 1L), (row.MaxUsers, row.RequestCount, row.ErrorCount));
            Assert.NotNull(row.LatencyP95Ms);
        }
    }

    private static LatencyHistogram Histogram(params (double Milliseconds, bool IsError)[] requests)
    {
        var histogram = new LatencyHistogram();
        foreach (var (milliseconds, isError) in requests)
        {
            histogram.Record(milliseconds, isError);
        }

        return histogram;
    }

    private static PerformanceSnapshot Snapshot(DateTimeOffset minute, params (string Module, LatencyHistogram Histogram)[] modules) =>
        PerformanceSnapshot.Of(minute, modules.ToDictionary(module => module.Module, module => module.Histogram));

    private async Task<List<ModuleUsageTracking>> ModuleRowsAsync(HistoryGranularity granularity)
    {
        await using var context = await ContextAsync();
        return await context.ModuleUsageTracking.AsNoTracking()
            .Where(row => row.Granularity == granularity)
            .OrderBy(row => row.ModuleId).ThenBy(row => row.BucketStart)
            .ToListAsync();
    }
}
