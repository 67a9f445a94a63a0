using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.InProcess;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Dashboard.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>Each poll's snapshot becomes minute rows per scope and hourly rollups, the same however often it is recorded.</summary>
public abstract class RecorderContract : HistoryDatabaseContract
{
    private static readonly long[] MinuteOfUsers = [3, 5, 4, 8, 6, 4];

    private HistoryRecorder Recorder => Services.GetRequiredService<HistoryRecorder>();

    [Fact]
    public async Task RecordAsync_SixPollsOfAMinute_WriteOneMinuteRowWithMinAverageAndMax()
    {
        await RecordMinuteAsync(Recorder, Start);

        var row = Assert.Single(await RowsAsync<ConcurrentUsersHistory>(HistoryGranularity.Minute));
        Assert.Equal(Start, row.BucketStart);
        Assert.Equal((3, 5.0, 8), (row.MinUsers, row.AvgUsers, row.MaxUsers));
        Assert.Equal(Start.AddSeconds(30), row.PeakAt);
        Assert.Equal(6, row.SampleCount);
        Assert.Equal(16, row.MaxSessions);
    }

    [Fact]
    public async Task RecordAsync_SameMinuteRecordedTwice_LeavesOneUnchangedRow()
    {
        await RecordMinuteAsync(Recorder, Start);
        var first = await RowsAsync<ConcurrentUsersHistory>(HistoryGranularity.Minute);

        await RecordMinuteAsync(Recorder, Start);

        var again = Assert.Single(await RowsAsync<ConcurrentUsersHistory>(HistoryGranularity.Minute));
        Assert.Equal(
            (first[0].MinUsers, first[0].AvgUsers, first[0].MaxUsers, first[0].PeakAt, first[0].SampleCount),
            (again.MinUsers, again.AvgUsers, again.MaxUsers, again.PeakAt, again.SampleCount));
        Assert.Single(await RowsAsync<ConcurrentUsersHistory>(HistoryGranularity.Hour));
    }

    [Fact]
    public async Task RecordAsync_TwoInstancesSharingTheSamples_LeaveOneRowOverAllTheirPolls()
    {
        // Two app instances: their own database connections, the live samples shared as on Redis.
        await using var other = BuildServices(Database.Settings);
        var second = new HistoryRecorder(
            Services.GetRequiredService<ILiveSampleStore>(), other.GetRequiredService<IDbContextFactory<HistoryDbContext>>());

        // Several minutes, because the instances race: the one that read fewer samples may write last.
        const int Minutes = 10;
        for (var poll = 0; poll < 6 * Minutes; poll++)
        {
            var at = Start.AddSeconds(poll * 10);
            await Task.WhenAll(
                Recorder.RecordAsync(Snapshots.At(at, MinuteOfUsers[poll % 6]), default),
                second.RecordAsync(Snapshots.At(at.AddSeconds(5), 10), default));
        }

        var rows = await RowsAsync<ConcurrentUsersHistory>(HistoryGranularity.Minute);
        Assert.Equal(Enumerable.Range(0, Minutes).Select(minute => Start.AddMinutes(minute)), rows.Select(row => row.BucketStart));
        Assert.All(rows, row =>
        {
            Assert.Equal((3, 7.5, 10, 12), (row.MinUsers, row.AvgUsers, row.MaxUsers, row.SampleCount));
            Assert.Equal(row.BucketStart.AddSeconds(5), row.PeakAt);
        });
    }

    [Fact]
    public async Task RecordAsync_AnInstanceThatReadFewerSamples_LeavesTheRowBuiltFromMore()
    {
        await RecordMinuteAsync(Recorder, Start);
        // An instance whose read of the samples came before the others' appends: it sees its own one sample only.
        var stale = new HistoryRecorder(new InProcessLiveSampleStore(), Services.GetRequiredService<IDbContextFactory<HistoryDbContext>>());

        await stale.RecordAsync(Snapshots.At(Start.AddSeconds(5), 100), default);

        var row = Assert.Single(await RowsAsync<ConcurrentUsersHistory>(HistoryGranularity.Minute));
        Assert.Equal((3, 5.0, 8, 6), (row.MinUsers, row.AvgUsers, row.MaxUsers, row.SampleCount));
    }

    [Fact]
    public async Task RecordAsync_ModuleAbsentFromSomePolls_CountsZeroThere()
    {
        for (var poll = 0; poll < 6; poll++)
        {
            var modules = poll % 2 == 0 ? [new DimensionCount("tax", 2)] : Array.Empty<DimensionCount>();
            await Recorder.RecordAsync(Snapshots.At(Start.AddSeconds(poll * 10), 2, modules: modules,
                organizations: [new DimensionCount("org-1", 2)]), default);
        }

        var tax = Assert.Single(await RowsAsync<ModuleUsageTracking>(HistoryGranularity.Minute));
        var organization = Assert.Single(await RowsAsync<OrganizationUsageHistory>(HistoryGranularity.Minute));
        Assert.Equal(("tax", 0, 1.0, 2, 6), (tax.ModuleId, tax.MinUsers, tax.AvgUsers, tax.MaxUsers, tax.SampleCount));
        Assert.Equal(("org-1", 2, 2.0, 2), (organization.OrganizationId, organization.MinUsers, organization.AvgUsers, organization.MaxUsers));
    }

    [Fact]
    public async Task RecordAsync_ScopeWithoutUsersAllMinute_WritesNoRowForIt()
    {
        await Recorder.RecordAsync(Snapshots.At(Start, 1, modules: [new DimensionCount("tax", 1)]), default);

        await Recorder.RecordAsync(Snapshots.At(Start.AddMinutes(1), 1), default);

        var tax = Assert.Single(await RowsAsync<ModuleUsageTracking>(HistoryGranularity.Minute));
        Assert.Equal(Start, tax.BucketStart);
    }

    [Fact]
    public async Task RecordAsync_MinutesOfAnHour_RollUpIntoTheHourRow()
    {
        var hour = Start.AddHours(-1);
        await RecordMinuteAsync(Recorder, hour.AddMinutes(58));
        for (var poll = 0; poll < 6; poll++)
        {
            // A second minute: users 20 (its peak at :10) then 2; the module only in its first half.
            var modules = poll < 3 ? [new DimensionCount("tax", 4)] : Array.Empty<DimensionCount>();
            await Recorder.RecordAsync(
                Snapshots.At(hour.AddMinutes(59).AddSeconds(poll * 10), poll == 1 ? 20 : 2, 1, modules), default);
        }

        await Recorder.RecordAsync(Snapshots.At(Start, 7), default);

        var hours = await RowsAsync<ConcurrentUsersHistory>(HistoryGranularity.Hour);
        Assert.Equal([hour, Start], hours.Select(row => row.BucketStart));
        // (3+5+4+8+6+4 + 20+2+2+2+2+2) / 12 samples
        Assert.Equal((2, 5.0, 20, 12), (hours[0].MinUsers, hours[0].AvgUsers, hours[0].MaxUsers, hours[0].SampleCount));
        Assert.Equal(hour.AddMinutes(59).AddSeconds(10), hours[0].PeakAt);
        Assert.Equal(16, hours[0].MaxSessions);
        Assert.Equal((7, 7.0, 7, 1), (hours[1].MinUsers, hours[1].AvgUsers, hours[1].MaxUsers, hours[1].SampleCount));

        var tax = Assert.Single(await RowsAsync<ModuleUsageTracking>(HistoryGranularity.Hour));
        // Absent from the first minute and half of the second: minimum 0, average 12 / 12 samples.
        Assert.Equal((0, 1.0, 4, 12), (tax.MinUsers, tax.AvgUsers, tax.MaxUsers, tax.SampleCount));
        Assert.Equal(hour.AddMinutes(59), tax.PeakAt);
    }

    [Fact]
    public async Task RecordAsync_ModuleRowsWithRequests_KeepsTheRequestColumnsOfMinuteAndHour()
    {
        // As PerformanceRecorder writes them, before any users were recorded.
        await AddAsync(
            new ModuleUsageTracking
            {
                ModuleId = "tax", Granularity = HistoryGranularity.Minute, BucketStart = Start, PeakAt = Start,
                RequestCount = 120, ErrorCount = 3, LatencyP95Ms = 250,
            },
            new ModuleUsageTracking
            {
                ModuleId = "tax", Granularity = HistoryGranularity.Hour, BucketStart = Start, PeakAt = Start,
                RequestCount = 120, ErrorCount = 3, LatencyP95Ms = 250,
            });

        await Recorder.RecordAsync(Snapshots.At(Start, 2, modules: [new DimensionCount("tax", 2)]), default);

        var tax = Assert.Single(await RowsAsync<ModuleUsageTracking>(HistoryGranularity.Minute));
        Assert.Equal((2, 120, 3, 250.0), (tax.MaxUsers, tax.RequestCount, tax.ErrorCount, tax.LatencyP95Ms));
        var hour = Assert.Single(await RowsAsync<ModuleUsageTracking>(HistoryGranularity.Hour));
        Assert.Equal((2, 120, 3, 250.0), (hour.MaxUsers, hour.RequestCount, hour.ErrorCount, hour.LatencyP95Ms));
    }

    [Fact]
    public async Task RecordAsync_NewModuleHour_StartsWithoutRequests()
    {
        await Recorder.RecordAsync(Snapshots.At(Start, 2, modules: [new DimensionCount("tax", 2)]), default);

        var hour = Assert.Single(await RowsAsync<ModuleUsageTracking>(HistoryGranularity.Hour));
        Assert.Equal((2, 0, 0, (double?)null), (hour.MaxUsers, hour.RequestCount, hour.ErrorCount, hour.LatencyP95Ms));
    }

    private static async Task RecordMinuteAsync(HistoryRecorder recorder, DateTimeOffset minute)
    {
        for (var poll = 0; poll < MinuteOfUsers.Length; poll++)
        {
            var users = MinuteOfUsers[poll];
            await recorder.RecordAsync(Snapshots.At(minute.AddSeconds(poll * 10), users, users * 2), default);
        }
    }

    private async Task<List<TRow>> RowsAsync<TRow>(HistoryGranularity granularity)
        where TRow : UsageRow
    {
        await using var context = await ContextAsync();
        return await context.Set<TRow>()
            .Where(row => row.Granularity == granularity)
            .OrderBy(row => row.BucketStart)
            .ToListAsync();
    }
}
