using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Pages;

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
}
