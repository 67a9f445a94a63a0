using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>An admin acknowledging an alert in the real app, in real Chromium: the row names whoever is signed in.</summary>
public sealed class AlertsBrowserTests : IAsyncLifetime
{
    private RunningApp _app = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = await AlertingApp.StartAsync();
        _context = await (await TestBrowser.GetAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Acknowledge_SignedInAdminWithANote_ShowsTheAdminAndWhenAndClearsTheBadge()
    {
        using var api = _app.CreateClient();
        string[] users = ["u1", "u2"];
        var activities = users.Select(user => new { userId = user, organizationId = "acme", sessionId = $"s-{user}", moduleId = "tax" });
        (await api.PostAsJsonAsync("/api/concurrent-users/track/batch", new { activities })).EnsureSuccessStatusCode();

        await BrowserSignIn.SignInAsync(_page, _app.Address, "/alerts", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
        await Expect(_page.GetByTestId("alert-badge")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = 10_000 });
        var row = _page.GetByTestId("alert-row").Filter(new() { HasText = "Concurrent users" });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        await row.GetByTestId("acknowledge").ClickAsync();
        // MudBlazor puts the test id on the field's wrapper or on the input itself, depending on the field.
        await _page.Locator("[data-testid=ack-note] textarea, textarea[data-testid=ack-note]").FillAsync("Expected: quarter-end close");
        await _page.GetByTestId("ack-confirm").ClickAsync();

        await Expect(row.GetByTestId("alert-status")).ToHaveTextAsync("acknowledged", new() { Timeout = 10_000 });
        await Expect(row.GetByTestId("alert-acknowledged")).ToContainTextAsync($"{TestApiKeys.AdminUser} at ");
        await Expect(row.GetByTestId("alert-acknowledged")).ToContainTextAsync("Expected: quarter-end close");
        await Expect(_page.GetByTestId("alert-badge")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = 10_000 });
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("alerts.png"), FullPage = true });
    }

    [Fact]
    public async Task ActiveAlert_LightDarkAndPhone_StripShowsItBadgeAndTitleStayInTheBarPageFitsThePhone()
    {
        using var api = _app.CreateClient();
        string[] users = ["u1", "u2"];
        var activities = users.Select(user => new { userId = user, organizationId = "acme", sessionId = $"s-{user}", moduleId = "tax" });
        (await api.PostAsJsonAsync("/api/concurrent-users/track/batch", new { activities })).EnsureSuccessStatusCode();

        await BrowserSignIn.SignInAsync(_page, _app.Address, "/alerts", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
        var strip = _page.GetByTestId("status-strip");
        await Expect(strip.GetByTestId("strip-title")).ToHaveTextAsync("Concurrent users 2 > 1", new() { Timeout = 10_000 });
        await Expect(strip.GetByTestId("strip-acknowledge")).ToBeVisibleAsync();
        await AssertBadgeAndTitleInsideTheAppBarAsync(_page);
        await strip.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("status-strip.png") });
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("alerts-light.png"), FullPage = true });

        await _page.EvaluateAsync("localStorage.setItem('dashboard-theme', 'dark')");
        await _page.ReloadAsync();
        await Expect(strip.GetByTestId("strip-title")).ToHaveTextAsync("Concurrent users 2 > 1", new() { Timeout = 10_000 });
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("alerts-dark.png"), FullPage = true });

        await using var phoneContext = await (await TestBrowser.GetAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var phone = await phoneContext.NewPageAsync();
        await BrowserSignIn.SignInAsync(phone, _app.Address, "/alerts", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
        await Expect(phone.GetByTestId("alert-row").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await AssertBadgeAndTitleInsideTheAppBarAsync(phone);
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The alerts page is wider than the phone.");
        await phone.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("alerts-phone.png"), FullPage = true });
    }

    private static async Task AssertBadgeAndTitleInsideTheAppBarAsync(IPage page)
    {
        var bar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        await Expect(page.Locator(".alert-badge .mud-badge")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var badge = (await page.Locator(".alert-badge .mud-badge").BoundingBoxAsync())!;
        Assert.True(badge.Y >= bar.Y, $"The badge starts at {badge.Y}, above the app bar at {bar.Y}.");
        var title = (await page.GetByTestId("app-title").BoundingBoxAsync())!;
        Assert.True(title.Y + title.Height <= bar.Y + bar.Height, $"The title ends at {title.Y + title.Height}, below the app bar's {bar.Y + bar.Height}.");
    }
}
