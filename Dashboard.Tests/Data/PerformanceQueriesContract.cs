using Dashboard.Core.Performance;
using Dashboard.Data.History;
using Dashboard.Ranges;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>Performance over a range, merged from the minute histograms performance_metrics keeps, on both databases.</summary>
public abstract class PerformanceQueriesContract : HistoryDatabaseContract
{
    private const int Minutes = 5;

    // Per minute and module, the requests recorded: response times spread over three orders of magnitude, 1 in 20 an error.
    private readonly Dictionary<(int Minute, string Module), LatencyHistogram> _recorded = [];

    private PerformanceQueries Queries => Services.GetRequiredService<PerformanceQueries>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var random = new Random(5);
        var recorder = Services.GetRequiredService<PerformanceRecorder>();
        for (var minute = 0; minute < Minutes; minute++)
        {
            foreach (var module in new[] { "payroll", "tax", PerformanceSnapshot.OwnApiModule })
            {
                var histogram = new LatencyHistogram();
                foreach (var _ in Enumerable.Range(0, random.Next(50, 500)))
                {
                    histogram.Record(Math.Exp(random.NextDouble() * Math.Log(5_000)), isError: random.Next(20) == 0);
                }

                _recorded[(minute, module)] = histogram;
            }

            var at = Start.AddMinutes(minute);
            var modules = _recorded.Where(entry => entry.Key.Minute == minute).ToDictionary(entry => entry.Key.Module, entry => entry.Value);
            await recorder.RecordMinuteAsync(at, PerformanceSnapshot.Of(at, modules), default);
        }
    }

    [Fact]
    public async Task GetMerged_SeveralMinutes_EqualsOneHistogramOfAllTheirRequests()
    {
        var merged = await Queries.GetMergedAsync(new TimeRange(Start, Start.AddMinutes(Minutes)), module: null, default);

        // Overall is the platform's: the dashboard's own API is listed apart, as in the live figures.
        AssertSame(Recorded(0, Minutes, "payroll", "tax"), merged.Overall);
        AssertSame(Recorded(0, Minutes, "tax"), merged.Modules["tax"]);
        AssertSame(Recorded(0, Minutes, PerformanceSnapshot.OwnApiModule), merged.Modules[PerformanceSnapshot.OwnApiModule]);
        Assert.Equal(["dashboard-api", "payroll", "tax"], merged.Modules.Keys);
    }

    [Fact]
    public async Task GetMerged_OneModule_ReadsOnlyItsRows()
    {
        var merged = await Queries.GetMergedAsync(new TimeRange(Start, Start.AddMinutes(Minutes)), "payroll", default);

        var payroll = Assert.Single(merged.Modules);
        Assert.Equal("payroll", payroll.Key);
        AssertSame(Recorded(0, Minutes, "payroll"), payroll.Value);
    }

    [Fact]
    public async Task GetMerged_RangeWithinTheMinutes_CountsEveryMinuteItOverlaps()
    {
        // From inside minute 1 to the start of minute 3: minutes 1 and 2.
        var merged = await Queries.GetMergedAsync(new TimeRange(Start.AddSeconds(90), Start.AddMinutes(3)), module: null, default);

        AssertSame(Recorded(1, 3, "payroll", "tax"), merged.Overall);
        Assert.Equal(Start.AddMinutes(1), merged.Since);
    }

    [Fact]
    public async Task GetMerged_NoMinutesInRange_HasNoRequestsAndNoPercentiles()
    {
        var merged = await Queries.GetMergedAsync(new TimeRange(Start.AddDays(-1), Start), module: null, default);

        var overall = merged.Overall;
        Assert.Equal((0L, 0L, 0.0, (double?)null, (double?)null), (overall.Requests, overall.Errors, overall.ErrorRate, overall.P50, overall.P99));
        Assert.Empty(merged.Modules);
    }

    private LatencyHistogram Recorded(int fromMinute, int toMinute, params string[] modules)
    {
        var all = new LatencyHistogram();
        foreach (var ((minute, module), histogram) in _recorded)
        {
            if (minute >= fromMinute && minute < toMinute && modules.Contains(module))
            {
                all.Merge(histogram);
            }
        }

        return all;
    }

    private static void AssertSame(LatencyHistogram expected, PerformanceSummary actual)
    {
        Assert.Equal((expected.Count, expected.Errors), (actual.Requests, actual.Errors));
        Assert.Equal(expected.ErrorRate, actual.ErrorRate, precision: 12);
        Assert.Equal(
            (expected.Percentile(50), expected.Percentile(95), expected.Percentile(99)),
            (actual.P50, actual.P95, actual.P99));
    }
}
