using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Formatting;
using Dashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

public sealed class RangePickerTests : DashboardComponentContext
{
    [Fact]
    public void Preset_Clicked_PutsTheRangeInTheUrl()
    {
        var page = Render<Home>();

        page.Find("[data-testid=range-7d]").Click();

        Assert.EndsWith("/?range=7d", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_WithRange_KeepsItOnDrillDownLinks()
    {
        NavigateTo("/organizations/acme?range=6h");

        var page = Render<OrganizationPage>(parameters => parameters.Add(p => p.Id, "acme"));

        Assert.Contains("href=\"/?range=6h\"", page.Markup);
    }

    [Fact]
    public void Custom_Clicked_OpensTheLast24HoursEndingNowInOneNavigation()
    {
        var page = Render<Home>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var navigations = 0;
        navigation.LocationChanged += (_, _) => navigations++;

        page.Find("[data-testid=range-custom]").Click();

        // The clock is 2026-11-26 12:00:05: the last 24 hours to the minute, not yesterday's calendar day.
        Assert.EndsWith("/?start=2026-11-25T12%3A00%3A00Z&end=2026-11-26T12%3A00%3A00Z", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(1, navigations);
    }

    [Fact]
    public void CustomRange_InUrl_ShowsBothBoundsInIsoWithTheTimeOfDay()
    {
        NavigateTo("/?start=2026-12-01T06:30:00Z&end=2026-12-02T18:00:00Z");

        var page = Render<Home>();

        Assert.Equal("2026-12-01 06:30", page.Find("input[data-testid=range-from]").GetAttribute("value"));
        Assert.Equal("2026-12-02 18:00", page.Find("input[data-testid=range-to]").GetAttribute("value"));
    }

    [Fact]
    public void CustomRange_Applied_NavigatesOnceToTheTypedInstants()
    {
        NavigateTo("/?start=2026-12-01T06:30:00Z&end=2026-12-02T18:00:00Z");
        var page = Render<Home>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var navigations = 0;
        navigation.LocationChanged += (_, _) => navigations++;

        page.Find("input[data-testid=range-from]").Change("2026-11-20 08:15");
        page.Find("input[data-testid=range-to]").Change("2026-11-21 09:45");
        page.Find("[data-testid=range-custom-form]").Submit();

        Assert.EndsWith("/?start=2026-11-20T08%3A15%3A00Z&end=2026-11-21T09%3A45%3A00Z", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(1, navigations);
    }

    [Fact]
    public void CustomRange_ViewerInParis_ShowsAndTakesParisTimesWhileTheUrlKeepsUtc()
    {
        NavigateTo("/?start=2026-12-01T06:30:00Z&end=2026-12-02T18:00:00Z");
        var paris = new DisplayFormat(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        var page = Render<CascadingValue<DisplayFormat>>(parameters => parameters
            .Add(cascade => cascade.Value, paris)
            .AddChildContent<Home>());
        var navigation = Services.GetRequiredService<NavigationManager>();

        Assert.Equal("2026-12-01 07:30", page.Find("input[data-testid=range-from]").GetAttribute("value"));
        page.Find("input[data-testid=range-from]").Change("2026-11-20 08:15");
        page.Find("input[data-testid=range-to]").Change("2026-11-21 09:45");
        page.Find("[data-testid=range-custom-form]").Submit();

        Assert.EndsWith("/?start=2026-11-20T07%3A15%3A00Z&end=2026-11-21T08%3A45%3A00Z", navigation.Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, "24h", "now")]
    [InlineData("7d", null, null, "7d", "now")]
    [InlineData("7d", "2026-11-01T00:00:00Z", null, "2026-11-01T00:00:00Z", "now")]
    [InlineData(null, "2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z", "2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z")]
    public void FromQuery_GivesTheBoundsTheParserTakes(string? range, string? start, string? end, string expectedStart, string expectedEnd)
    {
        var selection = RangeSelection.FromQuery(range, start, end);

        Assert.Equal((expectedStart, expectedEnd), selection.Bounds);
    }

    [Fact]
    public void AppendTo_DefaultRange_LeavesThePathPlain()
    {
        Assert.Equal("/modules/tax", RangeSelection.Default.AppendTo("/modules/tax"));
        Assert.Equal("/?start=2026-11-01T00%3A00%3A00Z&end=now", RangeSelection.Between("2026-11-01T00:00:00Z", "now").AppendTo("/"));
    }
}
