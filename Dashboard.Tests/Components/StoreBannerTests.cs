using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Components.Controls;

namespace Dashboard.Tests.Components;

public sealed class StoreBannerTests : DashboardComponentContext
{
    [Fact]
    public async Task LiveStoreDown_ShowsTheBannerWithTheReason_AndHidesItWhenBack()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        var banner = Render<StoreBanner>();
        Assert.Empty(banner.FindAll("[data-testid=store-banner]"));

        PublishStoreDown("Redis is unavailable: connection refused");
        banner.WaitForAssertion(() => Assert.Contains("connection refused", banner.Find("[data-testid=store-banner]").TextContent));

        await PollAfterAsync();
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=store-banner]")));
    }
}
