using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

/// <summary>The layout of an instance that makes up traffic.</summary>
public sealed class DemoBannerTests : DashboardComponentContext
{
    public DemoBannerTests() => Services.AddSingleton(new DemoMode(true));

    [Fact]
    public void Render_DemoOn_BannerSaysHowDemoTrafficIsToldFromReal()
    {
        var layout = MainLayoutTests.RenderInteractiveLayout(this);

        var banner = layout.Find("[data-testid=demo-banner]").TextContent;
        Assert.Contains($"{DemoTraffic.UserPrefix}…", banner);
        Assert.Contains("any other user is real traffic", banner);
    }
}
