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
        var row = _page.GetByTestId("alert-row").Filter(new() { HasText = "high_concurrency" });
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
}
