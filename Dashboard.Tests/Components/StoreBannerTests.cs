using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Core.Persistence;
using Dashboard.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

public sealed class StoreBannerTests : DashboardComponentContext
{
    [Fact]
    public async Task LiveStoreDown_ShowsTheLiveStoreBanner_AndHidesItWhenBack()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        var banner = Render<StoreBanner>();
        Assert.Empty(banner.FindAll("[data-testid=store-banner]"));

        PublishStoreDown("Live store is unavailable");
        banner.WaitForAssertion(() => Assert.Contains("The live store is unreachable", banner.Find("[data-testid=store-banner]").TextContent));
        Assert.Empty(banner.FindAll("[data-testid=history-banner]"));

        await PollAfterAsync();
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=store-banner]")));
    }

    [Fact]
    public async Task SessionUpdatesDropped_ShowTheBannerWhileTheyAre_AndHideItAfter()
    {
        var queue = Services.GetRequiredService<SessionUpdateQueue>();
        await PollAfterAsync();
        var banner = Render<StoreBanner>();
        Assert.Empty(banner.FindAll("[data-testid=session-queue-banner]"));

        queue.Enqueue([.. Enumerable.Range(0, queue.Capacity + 5).Select(i => Activity.Of($"u{i}", $"s{i}"))]);
        await PollAfterAsync();
        banner.WaitForAssertion(() => Assert.Equal("5", banner.Find("[data-testid=session-updates-dropped]").TextContent));

        Time.Advance(SessionUpdateQueue.EpisodeGap);
        await PollAfterAsync();
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=session-queue-banner]")));
    }
}
