using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Pages;

namespace Dashboard.Tests.Components;

public sealed class TopOrganizationsTests : DashboardComponentContext
{
    // A row that only answers clicks cannot be reached with Tab: each carries a link to its organization's page.
    [Fact]
    public async Task Render_EachOrganizationRow_HasALinkReachableByKeyboard()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"), Activity.Of("u2", "s2", "tax", "globex"));

        var page = Render<Home>();

        Assert.Equal(
            [DashboardUrls.Organization("acme"), DashboardUrls.Organization("globex")],
            page.FindAll("[data-testid=organization-row] a[data-testid=organization-link]").Select(link => link.GetAttribute("href")));
    }
}
