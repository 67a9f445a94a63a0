using Bunit;
using Dashboard.Core.Tracking;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Components;

public sealed class SessionsTests : DashboardComponentContext
{
    [Fact]
    public async Task Render_ListsActiveSessionsFilteredFromTheUrl()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"), Activity.Of("u2", "s2", "payroll", "acme"));

        NavigateTo("/sessions?module=tax");
        var page = Render<Sessions>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=sessions-grid] tbody tr.mud-table-row")));
        Assert.Contains("s1", page.Find("[data-testid=sessions-grid] tbody").TextContent);
        Assert.Contains("format=csv&module=tax", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_Viewer_SeesIpAddressesMaskedAndNoCsv()
    {
        Authorization.SetRoles(DashboardRoles.Viewer);
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme") with { IpAddress = "203.0.113.57" });

        var page = Render<Sessions>();

        page.WaitForAssertion(() => Assert.Contains("203.0.113.x", page.Find("[data-testid=sessions-grid] tbody").TextContent));
        Assert.DoesNotContain("203.0.113.57", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=export-csv]"));
    }

    [Fact]
    public void Render_InvalidFilter_SaysWhyInsteadOfQuerying()
    {
        NavigateTo("/sessions?user=no%20spaces%20allowed");
        var page = Render<Sessions>();

        Assert.Contains("user may contain only letters", page.Markup);
    }

    [Fact]
    public async Task Poll_NewSessionTracked_AppearsWithoutReload()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"));
        var page = Render<Sessions>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=sessions-grid] tbody tr.mud-table-row")));

        Time.Advance(TimeSpan.FromSeconds(5));
        await PollAfterAsync(Activity.Of("u2", "s2", "tax", "acme"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=sessions-grid] tbody tr.mud-table-row").Count));
    }

    [Fact]
    public async Task Poll_ViewPaused_KeepsTheRowsItShows()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"));
        var page = Render<Sessions>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=sessions-grid] tbody tr.mud-table-row")));

        Services.GetRequiredService<DashboardState>().SetPaused(true);
        Time.Advance(TimeSpan.FromSeconds(5));
        await PollAfterAsync(Activity.Of("u2", "s2", "tax", "acme"));

        Assert.Single(page.FindAll("[data-testid=sessions-grid] tbody tr.mud-table-row"));
    }

    [Fact]
    public async Task Sort_ByUser_OrdersTheRowsByUser()
    {
        await PollAfterAsync(Activity.Of("carol", "s1"), Activity.Of("alice", "s2"), Activity.Of("bob", "s3"));
        var page = Render<Sessions>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=sessions-grid] tbody tr.mud-table-row").Count));

        var grid = page.FindComponent<MudDataGrid<ActiveSession>>().Instance;
        await page.InvokeAsync(() => grid.SetSortAsync("User", SortDirection.Ascending, session => session.UserId));

        page.WaitForAssertion(() => Assert.Equal(
            ["alice", "bob", "carol"],
            page.FindAll("[data-testid=sessions-grid] tbody tr.mud-table-row td:nth-child(2)").Select(cell => cell.TextContent.Trim())));
    }

    [Fact]
    public async Task Render_LongUserAgent_IsCutWithTheFullTextAsTooltip()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        var page = Render<Sessions>();

        page.WaitForAssertion(() => Assert.Equal(
            Activity.Of("u1", "s1").UserAgent, page.Find("[data-testid=user-agent]").GetAttribute("title")));
    }
}
