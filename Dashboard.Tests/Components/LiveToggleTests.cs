using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Components.Pages;

namespace Dashboard.Tests.Components;

/// <summary>Live or paused, and the viewer's refresh interval, beside the range control.</summary>
public sealed class LiveToggleTests : DashboardComponentContext
{
    [Fact]
    public async Task PauseButton_HasANameThatSaysWhatItDoes()
    {
        var page = Render<Home>();

        Assert.Equal("Pause live updates (only for you)", page.Find("[data-testid=live-toggle]").GetAttribute("aria-label"));
        await page.Find("[data-testid=live-toggle]").ClickAsync(new());
        Assert.Equal("Resume live updates", page.Find("[data-testid=live-toggle]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task RefreshEvery30Seconds_PollsInBetween_WaitUntilTheIntervalPassed()
    {
        await PollAfterAsync(Activity.Of("u1", "s1"));
        var page = Render<Home>();
        // The default poll interval is 10 s: the choices start above it.
        Assert.Equal(["off", "poll", "30", "60"], page.FindAll("[data-testid=refresh-interval] option").Select(option => option.GetAttribute("value")));

        page.Find("[data-testid=refresh-interval]").Change("30");
        Time.Advance(TimeSpan.FromSeconds(10));
        await PollAfterAsync(Activity.Of("u2", "s2"));
        Assert.Equal("1", page.Find("[data-testid=current-users]").TextContent);

        Time.Advance(TimeSpan.FromSeconds(20));
        await PollAfterAsync();
        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=current-users]").TextContent));
    }
}
