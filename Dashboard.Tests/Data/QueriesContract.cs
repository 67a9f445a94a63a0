using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Dashboard.Ranges;
using Dashboard.Tests.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>
/// Peak, average and trend on known series, answered from the finest tier covering the range. Now is 12:00.
/// The minute series: 09:00 to 09:59, minute i averaging i users with a peak of i + 1 at its :30.
/// </summary>
public abstract class QueriesContract : HistoryDatabaseContract
{
    private static readonly DateTimeOffset Nine = Start.AddHours(-3);

    private HistoryQueries Queries => Services.GetRequiredService<HistoryQueries>();

    [Fact]
    public async Task GetPeakAsync_MinuteTier_GivesTheHighestMaximumAndWhen()
    {
        await AddMinuteSeriesAsync();

        var peak = await Queries.GetPeakAsync(HistoryScope.Overall, new TimeRange(Nine, Nine.AddHours(1)), default);

        Assert.Equal(new HistoryPeak(60, Nine.AddMinutes(59).AddSeconds(30), HistoryTier.Minute), peak);
    }

    [Fact]
    public async Task GetAverageAsync_MinuteTier_IsTheMeanOfEveryMinute()
    {
        await AddMinuteSeriesAsync();

        var average = await Queries.GetAverageAsync(HistoryScope.Overall, new TimeRange(Nine, Nine.AddHours(1)), default);

        Assert.Equal(new HistoryAverage(29.5, 360, HistoryTier.Minute), average);
    }

    [Fact]
    public async Task GetAverageAsync_MinutesOfUnequalSamples_WeighsEachBySamples()
    {
        await AddAsync(Row(new ConcurrentUsersHistory(), HistoryGranularity.Minute, Nine, 10, 10, 6),
            Row(new ConcurrentUsersHistory(), HistoryGranularity.Minute, Nine.AddMinutes(1), 40, 40, 3));

        var average = await Queries.GetAverageAsync(HistoryScope.Overall, new TimeRange(Nine, Nine.AddMinutes(2)), default);

        // (10 × 6 + 40 × 3) / 9
        Assert.Equal(20, average.Users!.Value, precision: 9);
        Assert.Equal(9, average.Samples);
    }

    [Fact]
    public async Task PeakAndAverage_ModuleInHalfTheMinutes_CountItsAbsenceAsZero()
    {
        await AddMinuteSeriesAsync();
        for (var minute = 0; minute < 30; minute++)
        {
            await AddAsync(Row(new ModuleUsageTracking { ModuleId = "tax" }, HistoryGranularity.Minute, Nine.AddMinutes(minute), 2, 3, 6));
        }

        var range = new TimeRange(Nine, Nine.AddHours(1));
        var peak = await Queries.GetPeakAsync(HistoryScope.Module("tax"), range, default);
        var average = await Queries.GetAverageAsync(HistoryScope.Module("tax"), range, default);
        var other = await Queries.GetPeakAsync(HistoryScope.Organization("org-none"), range, default);

        Assert.Equal(new HistoryPeak(3, Nine.AddSeconds(30), HistoryTier.Minute), peak);
        Assert.Equal(1.0, average.Users!.Value, precision: 9);
        Assert.Equal(new HistoryPeak(0, null, HistoryTier.Minute), other);
    }

    [Fact]
    public async Task GetTrendAsync_TwoHours_GivesMinutePointsAndTheChangeOnThePreviousTwoHours()
    {
        await AddMinuteSeriesAsync();
        for (var minute = 0; minute < 60; minute++)
        {
            await AddAsync(Row(new ConcurrentUsersHistory(), HistoryGranularity.Minute, Nine.AddHours(-2).AddMinutes(minute), 10, 10, 6));
        }

        var trend = await Queries.GetTrendAsync(HistoryScope.Overall, new TimeRange(Nine, Nine.AddHours(2)), default);

        Assert.Equal(TimeSpan.FromMinutes(1), trend.Resolution);
        Assert.Equal(HistoryTier.Minute, trend.Source);
        Assert.Equal(60, trend.Points.Count);
        Assert.Equal(new TrendPoint(Nine, 0, 1), trend.Points[0]);
        Assert.Equal(new TrendPoint(Nine.AddMinutes(59), 59, 60), trend.Points[^1]);
        Assert.Equal(29.5, trend.Average);
        Assert.Equal(10, trend.PreviousAverage);
        Assert.Equal(195, trend.ChangePercent!.Value, precision: 9);
    }

    [Fact]
    public async Task GetTrendAsync_Day_GroupsMinutesIntoFiveMinutePoints()
    {
        await AddMinuteSeriesAsync();

        var trend = await Queries.GetTrendAsync(HistoryScope.Overall, new TimeRange(Start.AddDays(-1), Start), default);

        Assert.Equal(TimeSpan.FromMinutes(5), trend.Resolution);
        Assert.Equal(12, trend.Points.Count);
        // Minutes 0 to 4 average 2, and peak at 5.
        Assert.Equal(new TrendPoint(Nine, 2, 5), trend.Points[0]);
        Assert.Null(trend.ChangePercent);
    }

    [Fact]
    public async Task PeakAverageTrend_RangeOlderThanMinuteRetention_ReadTheHourlyRollups()
    {
        var day = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var hour = 0; hour < 24; hour++)
        {
            await AddAsync(Row(new ConcurrentUsersHistory(), HistoryGranularity.Hour, day.AddHours(hour), hour, hour * 2, 360));
        }

        var range = new TimeRange(day, day.AddDays(1));
        var peak = await Queries.GetPeakAsync(HistoryScope.Overall, range, default);
        var average = await Queries.GetAverageAsync(HistoryScope.Overall, range, default);
        var trend = await Queries.GetTrendAsync(HistoryScope.Overall, range, default);

        Assert.Equal(new HistoryPeak(46, day.AddHours(23).AddSeconds(30), HistoryTier.Hour), peak);
        Assert.Equal(new HistoryAverage(11.5, 8640, HistoryTier.Hour), average);
        Assert.Equal((TimeSpan.FromHours(1), 24, HistoryTier.Hour), (trend.Resolution, trend.Points.Count, trend.Source));
        Assert.Equal(new TrendPoint(day.AddHours(5), 5, 10), trend.Points[5]);
    }

    [Fact]
    public async Task PeakAverageTrend_LastTenMinutes_ReadTheLiveSamples()
    {
        // 11:49:00 to 11:59:50 every 10 s: 10 users, then 20 at every whole minute.
        var store = Services.GetRequiredService<ILiveSampleStore>();
        for (var at = Start.AddMinutes(-11); at < Start; at = at.AddSeconds(10))
        {
            await store.AppendAsync(Snapshots.At(at, at.Second == 0 ? 20 : 10, modules: [new DimensionCount("tax", 1)]), default);
        }

        var range = new TimeRange(Start.AddMinutes(-10), Start);
        var peak = await Queries.GetPeakAsync(HistoryScope.Overall, range, default);
        var average = await Queries.GetAverageAsync(HistoryScope.Overall, range, default);
        var trend = await Queries.GetTrendAsync(HistoryScope.Overall, range, default);
        var module = await Queries.GetAverageAsync(HistoryScope.Module("tax"), range, default);

        Assert.Equal(new HistoryPeak(20, Start.AddMinutes(-10), HistoryTier.LiveSamples), peak);
        // Ten samples of 20 and fifty of 10.
        Assert.Equal(new HistoryAverage(700 / 60.0, 60, HistoryTier.LiveSamples), average);
        Assert.Equal((TimeSpan.FromSeconds(10), 60, HistoryTier.LiveSamples), (trend.Resolution, trend.Points.Count, trend.Source));
        Assert.Equal(new TrendPoint(Start.AddMinutes(-10), 20, 20), trend.Points[0]);
        Assert.Equal(new TrendPoint(Start.AddSeconds(-10), 10, 10), trend.Points[^1]);
        Assert.Equal(new HistoryAverage(1, 60, HistoryTier.LiveSamples), module);
    }

    [Fact]
    public async Task GetAverageAsync_LastHourWithoutLiveSamples_FallsBackToMinuteRows()
    {
        await AddAsync(Row(new ConcurrentUsersHistory(), HistoryGranularity.Minute, Start.AddMinutes(-30), 4, 4, 6));

        var average = await Queries.GetAverageAsync(HistoryScope.Overall, new TimeRange(Start.AddHours(-1), Start), default);

        Assert.Equal(new HistoryAverage(4, 6, HistoryTier.Minute), average);
    }

    private async Task AddMinuteSeriesAsync()
    {
        var rows = Enumerable.Range(0, 60)
            .Select(minute => (object)Row(new ConcurrentUsersHistory(), HistoryGranularity.Minute, Nine.AddMinutes(minute), minute, minute + 1, 6))
            .ToArray();
        await AddAsync(rows);
    }

    private static TRow Row<TRow>(TRow row, HistoryGranularity granularity, DateTimeOffset bucket, double avg, long max, int samples)
        where TRow : UsageRow
    {
        row.Granularity = granularity;
        row.BucketStart = bucket;
        row.MinUsers = (long)avg;
        row.AvgUsers = avg;
        row.MaxUsers = max;
        row.PeakAt = bucket.AddSeconds(30);
        row.SampleCount = samples;
        return row;
    }
}
