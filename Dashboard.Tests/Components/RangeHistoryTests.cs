using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

/// <summary>The range panels of the overview: figures and charts over the range in the URL.</summary>
public sealed class RangeHistoryTests : DashboardComponentContext
{
    [Fact]
    public async Task PeakMarker_PollBetweenBuckets_SitsOnThePointOfItsBucket()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"), Activity.Of("u2", "s2"));
        NavigateTo("/?range=1h");

        var page = Render<Home>();

        var chart = UsersChart(page);
        page.WaitForAssertion(() => Assert.NotNull(chart.Instance.Marker));
        var marker = chart.Instance.Marker!;
        Assert.Contains(chart.Instance.Series.Single().Points, point => point.Time == marker.Time && point.Value == marker.Value);
    }

    [Fact]
    public async Task Trend_NoUsersInThePreviousPeriod_SaysSoInsteadOfADash()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        NavigateTo("/?range=1h");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("no data in the previous 1h", page.Find("[data-testid=trend-reason]").TextContent));
        Assert.DoesNotContain("–", page.Find("[data-testid=trend-change]").TextContent);
    }

    [Fact]
    public async Task Charts_SevenDays_ShareOneAxisThatEndsNow()
    {
        await PollAfterAsync(Activity.Of("u1", "s1") with { ResponseTimeMs = 200 });
        NavigateTo("/?range=7d");

        var page = Render<Home>();

        var users = UsersChart(page);
        var latency = LatencyChart(page);
        page.WaitForAssertion(() => Assert.NotNull(users.Instance.Axis));
        page.WaitForAssertion(() => Assert.NotNull(latency.Instance.Axis));
        Assert.Equal(new ChartTimeAxis(Time.GetUtcNow().AddDays(-7), Time.GetUtcNow()), users.Instance.Axis);
        Assert.Equal(users.Instance.Axis, latency.Instance.Axis);
    }

    [Fact]
    public async Task Chart_Zoomed_PutsTheSpanInTheUrlForEveryPanel()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        NavigateTo("/?range=24h");
        var page = Render<Home>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var users = UsersChart(page);

        var now = Time.GetUtcNow();
        await users.InvokeAsync(() => users.Instance.ZoomAsync(now.AddHours(-3).ToUnixTimeMilliseconds(), now.AddHours(-1).ToUnixTimeMilliseconds()));

        Assert.EndsWith("/?start=2026-11-26T09%3A00%3A05Z&end=2026-11-26T11%3A00%3A05Z", navigation.Uri, StringComparison.Ordinal);
        // The URL keeps whole seconds; every panel now shows that span, and the next poll keeps it.
        var zoomed = new ChartTimeAxis(new DateTimeOffset(2026, 11, 26, 9, 0, 5, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 11, 0, 5, TimeSpan.Zero));
        var latency = LatencyChart(page);
        page.WaitForAssertion(() => Assert.Equal(zoomed, latency.Instance.Axis));
        await PollAfterAsync();
        page.WaitForAssertion(() => Assert.Equal(zoomed, users.Instance.Axis));
    }

    [Fact]
    public void Chart_NothingRecorded_SaysThereIsNoDataInTheRange()
    {
        NavigateTo("/?range=6h");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("No data in this range", page.Find("[data-testid=users-chart-empty]").TextContent));
        Assert.Contains("no data in this range", UsersChart(page).Instance.Label);
    }

    private static IRenderedComponent<ApexChart> LatencyChart(IRenderedComponent<Home> page) =>
        page.FindComponents<ApexChart>().Single(chart => chart.Instance.AdditionalAttributes?["data-testid"] as string == "latency-chart");

    private static IRenderedComponent<ApexChart> UsersChart(IRenderedComponent<Home> page) =>
        page.FindComponents<ApexChart>().Single(chart => chart.Instance.Kind == ChartKind.Area);
}
