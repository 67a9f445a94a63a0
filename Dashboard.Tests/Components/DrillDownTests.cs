using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Components.Pages;

namespace Dashboard.Tests.Components;

public sealed class DrillDownTests : DashboardComponentContext
{
    [Fact]
    public async Task ModulePage_ShowsItsUsersOrganizationsAndSessions()
    {
        await PollAfterAsync(
            Activity.Of("u1", "s1", "tax", "acme"), Activity.Of("u2", "s2", "tax", "acme"),
            Activity.Of("u3", "s3", "tax", "globex"), Activity.Of("u4", "s4", "payroll", "acme"));

        var page = Render<ModulePage>(parameters => parameters.Add(p => p.Id, "tax"));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=module-users]").TextContent));
        Assert.Equal(["acme2", "globex1"], page.FindAll("[data-testid=breakdown] tr").Select(row => string.Concat(row.TextContent.Where(c => !char.IsWhiteSpace(c)))));
        Assert.Equal(3, page.FindAll("[data-testid=drill-down-sessions] tbody tr").Count);
    }

    [Fact]
    public async Task OrganizationPage_ShowsItsUsersAndModules()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"), Activity.Of("u1", "s2", "payroll", "acme"));

        var page = Render<OrganizationPage>(parameters => parameters.Add(p => p.Id, "acme"));

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=organization-users]").TextContent));
        Assert.Equal(2, page.FindAll("[data-testid=breakdown] tr").Count);
        Assert.Contains("/modules/payroll", page.Find("[data-testid=breakdown]").InnerHtml);
    }

    [Fact]
    public async Task OrganizationPage_Unknown_ShowsZeroNotAnError()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"));

        var page = Render<OrganizationPage>(parameters => parameters.Add(p => p.Id, "nobody"));

        Assert.Equal("0", page.Find("[data-testid=organization-users]").TextContent);
        Assert.Contains("Nobody is active here right now.", page.Markup);
        page.WaitForAssertion(() => Assert.Contains(
            "No activity recorded for organization nobody in this range", page.Find("[data-testid=no-activity]").TextContent));
    }

    [Fact]
    public async Task ModulePage_Unknown_SaysNoActivityWasRecordedForIt()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"));

        var page = Render<ModulePage>(parameters => parameters.Add(p => p.Id, "taxx"));

        page.WaitForAssertion(() => Assert.Contains(
            "No activity recorded for module taxx in this range", page.Find("[data-testid=no-activity]").TextContent));
    }

    [Fact]
    public async Task ModulePage_Active_HasNoNoActivityHint()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"));

        var page = Render<ModulePage>(parameters => parameters.Add(p => p.Id, "tax"));

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=module-users]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=no-activity]"));
    }

    [Fact]
    public async Task ModulePage_NextPoll_RefreshesTheBreakdown()
    {
        await PollAfterAsync(Activity.Of("u1", "s1", "tax", "acme"));
        var page = Render<ModulePage>(parameters => parameters.Add(p => p.Id, "tax"));

        await PollAfterAsync(Activity.Of("u2", "s2", "tax", "initech"));

        page.WaitForAssertion(() => Assert.Contains("initech", page.Find("[data-testid=breakdown]").TextContent));
        Assert.Equal("2", page.Find("[data-testid=module-users]").TextContent);
    }
}
