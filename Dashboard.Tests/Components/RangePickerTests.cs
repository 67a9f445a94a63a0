using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Components;
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
