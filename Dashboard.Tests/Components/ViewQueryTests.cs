using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

/// <summary>The refresh choice and the kiosk mode live in the URL, like the range, and follow the viewer's links.</summary>
public sealed class ViewQueryTests : DashboardComponentContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private DashboardState State => Services.GetRequiredService<DashboardState>();

    [Fact]
    public void ChangeRefresh_To30Seconds_WritesItIntoTheUrl()
    {
        NavigateTo("/?range=7d");
        var page = Render<Home>();

        page.Find("[data-testid=refresh-interval]").Change("30");

        Assert.EndsWith("/?range=7d&refresh=30s", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_WritesRefreshOffIntoTheUrl()
    {
        var page = Render<Home>();

        await page.Find("[data-testid=live-toggle]").ClickAsync(new());

        Assert.EndsWith("/?refresh=off", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenLink_WithRefresh1Minute_WatchesEveryMinute()
    {
        NavigateTo("/?refresh=1m");

        var layout = MainLayoutTests.RenderInteractiveLayout(this);

        Assert.Equal(TimeSpan.FromMinutes(1), State.RefreshInterval);
        Assert.False(State.IsPaused);
        Assert.NotNull(layout);
    }

    [Fact]
    public void OpenLink_WithRefreshOff_OpensPaused_AndBackToNoRefreshResumes()
    {
        NavigateTo("/?refresh=off");
        MainLayoutTests.RenderInteractiveLayout(this);
        Assert.True(State.IsPaused);

        NavigateTo("/");

        Assert.False(State.IsPaused);
    }

    [Fact]
    public void Kiosk_WithRefreshOff_StaysLive()
    {
        NavigateTo("/?kiosk=1&refresh=off");

        MainLayoutTests.RenderInteractiveLayout(this);

        Assert.False(State.IsPaused);
    }

    [Fact]
    public void Kiosk_Layout_HasNoAppBarNorNavigation()
    {
        NavigateTo("/?kiosk=1");

        var layout = MainLayoutTests.RenderInteractiveLayout(this);

        Assert.Equal("true", layout.Find("[data-kiosk]").GetAttribute("data-kiosk"));
        Assert.Empty(layout.FindAll(".mud-appbar"));
        Assert.Empty(layout.FindAll("nav, .mud-drawer"));
        Assert.Empty(layout.FindAll("[data-testid=theme-toggle]"));
    }

    [Fact]
    public void Kiosk_Overview_ShowsCountersUsersChartAndModules_WithoutControls()
    {
        NavigateTo("/?kiosk=1");

        var page = Render<Home>();

        Assert.NotEmpty(page.FindAll("[data-testid=current-users]"));
        Assert.NotEmpty(page.FindAll("[data-testid^=users-chart]"));
        Assert.Empty(page.FindAll("[data-testid=range-24h]"));
        Assert.Empty(page.FindAll("[data-testid=live-toggle]"));
    }

    [Fact]
    public void ChangeRange_InKiosk_KeepsKioskAndRefresh()
    {
        NavigateTo("/?kiosk=1&refresh=30s");
        var page = Render<Home>();

        page.InvokeAsync(() => Navigation.NavigateKeepingView(DashboardUrls.Module("tax", RangeSelection.Of("7d"))));

        Assert.EndsWith("/modules/tax?range=7d&refresh=30s&kiosk=1", Navigation.Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/modules/tax?range=7d", "/modules/tax?range=7d&refresh=5s&kiosk=1")]
    [InlineData("/alerts?refresh=off", "/alerts?refresh=off&kiosk=1")]
    [InlineData("/", "/?refresh=5s&kiosk=1")]
    public void AppendTo_Link_AddsWhatItDoesNotNameItself(string link, string expected) =>
        Assert.Equal(expected, new ViewQuery("5s", Kiosk: true).AppendTo(link));

    [Theory]
    [InlineData(null, false, null)]
    [InlineData("off", true, null)]
    [InlineData("5s", false, 5)]
    [InlineData("1m", false, 60)]
    public void TryReadRefresh_WhatRefreshTextWrites_ReadsBack(string? refresh, bool paused, int? seconds)
    {
        Assert.True(new ViewQuery(refresh, Kiosk: false).TryReadRefresh(out var readPaused, out var interval));
        Assert.Equal((paused, seconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null), (readPaused, interval));
        Assert.Equal(refresh, ViewQuery.RefreshText(readPaused, interval));
    }

    [Fact]
    public void TryReadRefresh_Nonsense_IsRefused() =>
        Assert.False(new ViewQuery("soon", Kiosk: false).TryReadRefresh(out _, out _));
}
