using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Single sign-on in real Chromium against a real OpenID Connect provider on loopback: the redirect, signing in there,
/// the role its <c>roles</c> claim maps to, the no-access page for a person with no mapped role, signing out of both.
/// </summary>
public sealed class SingleSignOnBrowserTests(SingleSignOnBrowserTests.Fixture fixture) : IClassFixture<SingleSignOnBrowserTests.Fixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private Uri App => fixture.App.Address;

    public async Task InitializeAsync()
    {
        _context = await (await TestBrowser.GetAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        _page = await _context.NewPageAsync();
        // A sign-in is three servers' round trips (discovery, the provider's form, the code's redemption); on a loaded
        // two-core machine the first one took longer than Playwright's 30 s.
        _page.SetDefaultTimeout(90_000);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Admin_SignsInWithTheProvider_LandsWhereTheyWereGoingAsAdmin()
    {
        await _page.GotoAsync(new Uri(App, "/alerts").ToString());
        await Expect(_page).ToHaveURLAsync(new Uri(App, "/login?returnUrl=%2Falerts").ToString());
        await Expect(_page.GetByTestId("login-sso")).ToHaveTextAsync($"Sign in with {TestOidcProvider.DisplayName}");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("login-sso.png") });

        await SignInWithProviderAsync("ada");

        await Expect(_page).ToHaveURLAsync(new Uri(App, "/alerts").ToString());
        await Expect(_page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(_page.GetByTestId("signed-in-user")).ToContainTextAsync("ada");
        await Expect(_page.GetByTestId("signed-in-role")).ToHaveTextAsync("admin");
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("app-bar-sso-admin.png") });
        Assert.Contains("\"role\":\"admin\"", await LastAuditDetailsAsync("ada", "sign_in"));
        // Their password lives at the provider: /account says so instead of offering a form.
        await _page.GotoAsync(new Uri(App, "/account").ToString());
        await Expect(_page.GetByTestId("account-managed")).ToContainTextAsync($"You signed in with {TestOidcProvider.DisplayName}");
    }

    [Fact]
    public async Task Viewer_SignsInWithTheProvider_HasNoAdminMenu()
    {
        await _page.GotoAsync(new Uri(App, "/login").ToString());

        await SignInWithProviderAsync("vic");

        await Expect(_page).ToHaveURLAsync(new Uri(App, "/").ToString());
        await Expect(_page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(_page.GetByTestId("signed-in-user")).ToContainTextAsync("vic");
        await Expect(_page.GetByTestId("signed-in-role")).ToHaveTextAsync("viewer");
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PersonWithNoMappedRole_GetsTheNoAccessPageAndNoSession()
    {
        await _page.GotoAsync(new Uri(App, "/login?returnUrl=%2Falerts").ToString());

        await SignInWithProviderAsync("nora");

        await Expect(_page).ToHaveURLAsync(new Uri(App, "/login/no-access").ToString());
        await Expect(_page.GetByTestId("sso-no-access")).ToContainTextAsync("holds no role in this dashboard");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("login-sso-no-access.png") });
        Assert.DoesNotContain(await _context.CookiesAsync([App.ToString()]), cookie => cookie.Name == "dashboard.auth");
        Assert.Contains("\"reason\":\"no_role\"", await LastAuditDetailsAsync("nora", "sign_in_failed"));
        await _page.GotoAsync(new Uri(App, "/alerts").ToString());
        await Expect(_page).ToHaveURLAsync(new Uri(App, "/login?returnUrl=%2Falerts").ToString());
    }

    [Fact]
    public async Task SignOut_EndsTheDashboardSessionAndTheProviders()
    {
        await _page.GotoAsync(new Uri(App, "/login").ToString());
        await SignInWithProviderAsync("ada");
        await Expect(_page.GetByTestId("signed-in-role")).ToHaveTextAsync("admin");
        var ended = fixture.Provider.EndedSessions;

        await _page.GetByTestId("logout").ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Uri(App, "/login").ToString());
        Assert.Equal(ended + 1, fixture.Provider.EndedSessions);
        Assert.DoesNotContain(await _context.CookiesAsync([App.ToString()]), cookie => cookie.Name == "dashboard.auth");
        Assert.Contains("\"reason\":\"no_role\"", await LastAuditDetailsAsync("nora", "sign_in_failed"));
        await _page.GotoAsync(new Uri(App, "/alerts").ToString());
        await Expect(_page).ToHaveURLAsync(new Uri(App, "/login?returnUrl=%2Falerts").ToString());
        // Signed out there too: the provider asks who is signing in again rather than letting the browser straight back.
        await _page.GetByTestId("login-sso").ClickAsync();
        await Expect(_page.GetByTestId("provider-user")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Login_WithSingleSignOn_DarkThemeAndPhone_AreLegible()
    {
        await _page.GotoAsync(new Uri(App, "/login").ToString());
        await _page.EvaluateAsync("localStorage.setItem('dashboard-theme', 'dark')");
        await _page.ReloadAsync();

        await Expect(_page.Locator("html")).ToHaveClassAsync("dark");
        await Expect(_page.GetByTestId("login-sso")).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("login-sso-dark.png") });
        await _page.SetViewportSizeAsync(390, 844);
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("login-sso-phone-dark.png") });
    }

    // From the dashboard's login page: the button, the provider's own form, and back.
    private async Task SignInWithProviderAsync(string person)
    {
        await _page.GetByTestId("login-sso").ClickAsync();
        await Expect(_page.GetByTestId("provider-user")).ToBeVisibleAsync();
        Assert.StartsWith(fixture.Provider.Address.ToString(), _page.Url, StringComparison.Ordinal);
        await _page.GetByTestId("provider-user").FillAsync(person);
        await _page.GetByTestId("provider-submit").ClickAsync();
        await Expect(_page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(fixture.Provider.Address.ToString())), new() { Timeout = 60_000 });
        // No wait for the load event here: each test waits for the page it expects, and once (in a full run) the load
        // event of the no-access page was never reported within 90 s.
        await Expect(_page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin-oidc"), new() { Timeout = 60_000 });
    }

    private async Task<string> LastAuditDetailsAsync(string actor, string action)
    {
        using var api = fixture.App.CreateClient();
        var audit = await api.GetFromJsonAsync<JsonElement>($"/api/concurrent-users/audit?actor={actor}&action={action}");
        return audit.GetProperty("data").GetProperty("entries")[0].GetProperty("details").GetRawText();
    }

    /// <summary>The provider, and the dashboard signing people in through it, shared by this class's tests.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal TestOidcProvider Provider { get; private set; } = null!;

        internal RunningApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Provider = await TestOidcProvider.StartAsync();
            App = await RunningApp.StartAsync(Provider.AppSettings);
            await Provider.RegisterClientAsync(App.Address);
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
