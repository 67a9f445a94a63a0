using Bunit;
using Dashboard.Core.Alerts;
using Dashboard.Data.Alerts;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

public sealed class StatusStripTests : DashboardComponentContext
{
    private static readonly AlertRule ErrorRateOnTax =
        new("tax-errors", AlertKind.HighErrorRate, AlertScope.Module("tax"), 0.05, AlertSeverity.Critical, ForPolls: 1);

    [Fact]
    public void Render_NoOpenAlert_SaysAllClear()
    {
        var strip = Render<StatusStrip>();

        Assert.Contains("All clear", strip.Find("[data-testid=all-clear]").TextContent);
        Assert.Empty(strip.FindAll("[data-testid=strip-alert]"));
    }

    [Fact]
    public async Task Render_ActiveAlert_ReadsAsItsRuleInUnitsWithItsAgeAndLinkedScope()
    {
        await FireAsync(ErrorRateOnTax, 0.091, Time.GetUtcNow().AddMinutes(-12));

        var strip = Render<StatusStrip>();

        strip.WaitForAssertion(() => Assert.Equal("Error rate 9.1% > 5%", strip.Find("[data-testid=strip-title]").TextContent));
        Assert.Equal("for 12 min", strip.Find("[data-testid=strip-duration]").TextContent);
        Assert.Equal("/modules/tax", strip.Find("[data-testid=strip-scope]").GetAttribute("href")?.Split('?')[0]);
        Assert.Contains("status-critical", strip.Find("[data-testid=strip-alert]").ClassName);
        Assert.Single(strip.FindAll("[data-testid=strip-acknowledge]"));
        Assert.Empty(strip.FindAll("[data-testid=all-clear]"));
    }

    [Fact]
    public async Task Render_Viewer_SeesTheAlertButNoAcknowledge()
    {
        Authorization.SetRoles(DashboardRoles.Viewer);
        await FireAsync(ErrorRateOnTax, 0.091, Time.GetUtcNow());

        var strip = Render<StatusStrip>();

        strip.WaitForAssertion(() => Assert.Single(strip.FindAll("[data-testid=strip-alert]")));
        Assert.Empty(strip.FindAll("[data-testid=strip-acknowledge]"));
    }

    private async Task FireAsync(AlertRule rule, double value, DateTimeOffset at) =>
        await Services.GetRequiredService<AlertStore>().ApplyAsync([new AlertTransition(AlertTransitionKind.Fired, rule, value, at)], default);
}
