using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Components.Storage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>Signing in and out in real Chromium: the redirect to /login, the app bar's name and role, signing out.</summary>
public sealed class SignInBrowserTests : IAsyncLifetime
{
    private RunningApp _app = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        // Two users make an active alert, which a viewer may not acknowledge.
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
    public async Task SignedOut_OpeningAPage_IsSentToLoginAndBackAfterSigningIn()
    {
        await _page.GotoAsync(new Uri(_app.Address, "/login?returnUrl=%2Falerts").ToString());
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("login.png") });
        await _page.GetByTestId("login-user").FillAsync(TestApiKeys.AdminUser);
        await _page.GetByTestId("login-password").FillAsync("not-the-password-at-all");
        await _page.GetByTestId("login-submit").ClickAsync();
        await Expect(_page.GetByTestId("login-error")).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("login-failed.png") });

        await BrowserSignIn.SignInAsync(_page, _app.Address, "/sessions", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        await Expect(_page.GetByTestId("signed-in-user")).ToContainTextAsync(TestApiKeys.AdminUser);
        await Expect(_page.GetByTestId("signed-in-role")).ToHaveTextAsync("admin");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("app-bar-signed-in.png") });
    }

    [Fact]
    public async Task Viewer_SignedIn_SeesNoAcknowledgeButtonAndMaskedAddresses()
    {
        using var api = _app.CreateClient();
        (await api.PostAsJsonAsync("/api/concurrent-users/users", new { user_name = "vera", password = "vera-long-password", role = "viewer" }))
            .EnsureSuccessStatusCode();
        var activities = new[]
        {
            new { userId = "u1", organizationId = "acme", sessionId = "s-u1", moduleId = "tax", ipAddress = "198.51.100.23" },
            new { userId = "u2", organizationId = "acme", sessionId = "s-u2", moduleId = "tax", ipAddress = "198.51.100.24" },
        };
        (await api.PostAsJsonAsync("/api/concurrent-users/track/batch", new { activities })).EnsureSuccessStatusCode();

        await BrowserSignIn.SignInAsync(_page, _app.Address, "/sessions", "vera", "vera-long-password");

        await Expect(_page.GetByTestId("signed-in-role")).ToHaveTextAsync("viewer");
        await Expect(_page.GetByTestId("sessions-grid")).ToContainTextAsync("198.51.100.x");
        await Expect(_page.GetByTestId("sessions-grid")).Not.ToContainTextAsync("198.51.100.23");
        await Expect(_page.GetByTestId("export-csv")).ToHaveCountAsync(0);
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("sessions-viewer.png") });
        await _page.GotoAsync(new Uri(_app.Address, "/alerts").ToString());
        await Expect(_page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");
        var alert = _page.GetByTestId("alert-row").Filter(new() { HasText = "Concurrent users" });
        await Expect(alert).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(alert.GetByTestId("alert-status")).ToHaveTextAsync("active");
        await Expect(_page.GetByTestId("acknowledge")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Viewer_DisabledWhileAPageIsOpen_IsSentToLoginWithoutReloading()
    {
        using var api = _app.CreateClient();
        (await api.PostAsJsonAsync("/api/concurrent-users/users", new { user_name = "otto", password = "otto-long-password", role = "viewer" }))
            .EnsureSuccessStatusCode();
        await BrowserSignIn.SignInAsync(_page, _app.Address, "/alerts", "otto", "otto-long-password");
        await Expect(_page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");

        (await api.PutAsJsonAsync("/api/concurrent-users/users/otto", new { disabled = true })).EnsureSuccessStatusCode();

        // The open circuit makes no request: only its revalidation (2 s here) can notice.
        await Expect(_page).ToHaveURLAsync(new Uri(_app.Address, "/login?returnUrl=%2Falerts").ToString());
        await Expect(_page.GetByTestId("login-user")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSessionAndPagesSendToLoginAgain()
    {
        await BrowserSignIn.SignInAsync(_page, _app.Address, "/", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        await _page.GetByTestId("logout").ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Uri(_app.Address, "/login").ToString());
        await _page.GotoAsync(new Uri(_app.Address, "/alerts").ToString());

        await Expect(_page).ToHaveURLAsync(new Uri(_app.Address, "/login?returnUrl=%2Falerts").ToString());
    }

    [Fact]
    public async Task Login_DarkThemeAndPhone_AreLegible()
    {
        await _page.GotoAsync(new Uri(_app.Address, "/login").ToString());
        await _page.EvaluateAsync($"localStorage.setItem('{BrowserStorageKeys.Theme}', 'dark')");
        await _page.ReloadAsync();
        await Expect(_page.Locator("html")).ToHaveClassAsync("dark");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("login-dark.png") });

        await _page.SetViewportSizeAsync(390, 844);
        await BrowserSignIn.SignInAsync(_page, _app.Address, "/alerts", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        await Expect(_page.GetByTestId("logout")).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("app-bar-phone-dark.png") });
    }
}
