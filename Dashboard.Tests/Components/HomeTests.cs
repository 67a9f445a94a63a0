using Bunit;
using Dashboard.Core.Performance;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

public sealed class HomeTests : DashboardComponentContext
{
    [Fact]
    public async Task Render_AfterAPoll_ShowsCountsModulesAndTopOrganizations()
    {
        await PollAfterAsync(
            Activity.Of("u1", "s1", "tax", "acme"), Activity.Of("u1", "s2", "payroll", "acme"), Activity.Of("u2", "s3", "tax", "globex"));

        var page = Render<Home>();

        Assert.Equal("2", page.Find("[data-testid=current-users]").TextContent);
        Assert.Equal("3", page.Find("[data-testid=active-sessions]").TextContent);
        Assert.Equal(["tax", "payroll"], page.FindAll("[data-testid=module-link]").Select(link => link.TextContent));
        Assert.Equal(["acme", "globex"], page.FindAll("[data-testid=organization-row]").Select(row => row.TextContent));
        Assert.Contains("users active in the last 60 s", page.Markup);
    }

    [Fact]
    public async Task NewPoll_WhileLive_UpdatesTheCounterWithoutReload()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        var page = Render<Home>();

        await PollAfterAsync(Activity.Of("u2", "s2"), Activity.Of("u3", "s3"));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=current-users]").TextContent));
    }

    [Fact]
    public async Task NewPoll_WhilePaused_KeepsWhatTheViewerSawUntilResumed()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        var page = Render<Home>();
        await page.Find("[data-testid=live-toggle]").ClickAsync(new());

        await PollAfterAsync(Activity.Of("u2", "s2"));
        Assert.Equal("1", page.Find("[data-testid=current-users]").TextContent);
        Assert.Contains("paused", page.Find("[data-testid=last-updated]").TextContent);

        await page.Find("[data-testid=live-toggle]").ClickAsync(new());
        Time.Advance(Web.Live.DashboardState.ThrottleInterval);
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=current-users]").TextContent));
    }

    [Fact]
    public async Task Render_RangeInUrl_ShowsPeakWithItsTimeAverageAndTheChart()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"), Activity.Of("u2", "s2"));
        Time.Advance(TimeSpan.FromSeconds(10));
        await PollAfterAsync(Activity.Of("u2", "s2", active: false));
        NavigateTo("/?range=1h");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=peak-users]").TextContent));
        Assert.Equal("at 2026-11-26 12:00 UTC", page.Find("[data-testid=peak-at]").TextContent);
        Assert.Equal("1.5", page.Find("[data-testid=average-users]").TextContent);
        Assert.Contains("start=1h", page.Find("[data-testid=trend-csv]").GetAttribute("href"));
        var chart = page.FindComponents<ApexChart>().Single(chart => chart.Instance.Kind == ChartKind.Area);
        Assert.Equal(2, chart.Instance.Series.Single().Points.Max(point => point.Value));
    }

    [Fact]
    public void Render_InvalidRangeInUrl_SaysWhy()
    {
        NavigateTo("/?range=forever");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("forever", page.Find("[data-testid=range-error]").TextContent));
    }

    [Fact]
    public async Task Render_AfterRequestsWithResponseTimes_ShowsThePerformancePanel()
    {
        await PollAfterAsync(
            Activity.Of("u1", "s1") with { ResponseTimeMs = 100 },
            Activity.Of("u2", "s2") with { ResponseTimeMs = 300, IsError = true });

        var page = Render<Home>();

        Assert.Equal("50%", page.Find("[data-testid=error-rate]").TextContent);
        // Each figure is its histogram bucket's middle, within 2% of the time sent.
        Assert.Equal($"{LatencyHistogram.ValueOf(LatencyHistogram.BucketOf(100)):0} ms", page.Find("[data-testid=p50]").TextContent);
        Assert.Equal($"{LatencyHistogram.ValueOf(LatencyHistogram.BucketOf(300)):0} ms", page.Find("[data-testid=p99]").TextContent);
    }

    [Fact]
    public async Task Render_RangeWithRecordedResponseTimes_DrawsTheLatencyChart()
    {
        await PollAfterAsync(Activity.Of("u1", "s1") with { ResponseTimeMs = 200 }, Activity.Of("u2", "s2") with { ResponseTimeMs = 800 });
        NavigateTo("/?range=1h");

        var page = Render<Home>();

        var chart = page.FindComponents<ApexChart>().Single(chart => chart.Instance.AdditionalAttributes?["data-testid"] as string == "latency-chart");
        page.WaitForAssertion(() => Assert.Equal(["P50", "P95", "P99"], chart.Instance.Series.Select(series => series.Name)));
        var p99 = Assert.Single(chart.Instance.Series.Single(series => series.Name == "P99").Points);
        Assert.InRange(p99.Value, 800 * 0.98, 800 * 1.02);
    }

    [Fact]
    public void Render_BeforeFirstPoll_SaysItIsWaiting()
    {
        var page = Render<Home>();

        Assert.Equal("0", page.Find("[data-testid=current-users]").TextContent);
        Assert.Contains("waiting for the first poll", page.Find("[data-testid=last-updated]").TextContent);
    }

    [Fact]
    public async Task ModulesChart_BarClicked_NavigatesToTheModuleKeepingTheRange()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax"));
        NavigateTo("/?range=7d");
        var page = Render<Home>();
        var navigation = Services.GetRequiredService<NavigationManager>();

        var modulesChart = page.FindComponents<ApexChart>().Single(chart => chart.Instance.Kind == ChartKind.Bar);
        await modulesChart.InvokeAsync(() => modulesChart.Instance.SelectBarAsync("tax"));

        Assert.EndsWith("/modules/tax?range=7d", navigation.Uri, StringComparison.Ordinal);
    }
}
