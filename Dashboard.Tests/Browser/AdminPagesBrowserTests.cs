using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>An admin adding a person and making a key in real Chromium: each secret is shown once.</summary>
public sealed class AdminPagesBrowserTests : IAsyncLifetime
{
    private RunningApp _app = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync(new Dictionary<string, string>());
        _context = await (await TestBrowser.GetAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task People_AddViewer_ShowsItsPasswordOnceAndListsIt()
    {
        await BrowserSignIn.SignInAsync(_page, _app.Address, "/admin/users", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        await _page.Locator("[data-testid=new-user-name] input, input[data-testid=new-user-name]").FillAsync("pat");
        await _page.GetByTestId("new-user-create").ClickAsync();

        await Expect(_page.GetByTestId("password-once")).ToContainTextAsync("pat");
        await Expect(_page.GetByTestId("users-table")).ToContainTextAsync("must choose a password");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("admin-users.png"), FullPage = true });
    }

    [Fact]
    public async Task ApiKeys_MakeKey_ShowsTheKeyOnceAndItsPrefixInTheList()
    {
        await BrowserSignIn.SignInAsync(_page, _app.Address, "/admin/api-keys", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        await _page.Locator("[data-testid=new-key-name] input, input[data-testid=new-key-name]").FillAsync("billing");
        await _page.GetByTestId("new-key-create").ClickAsync();

        await Expect(_page.GetByTestId("key-value")).ToContainTextAsync("cuk_");
        var key = await _page.GetByTestId("key-value").InnerTextAsync();
        await Expect(_page.GetByTestId("keys-table")).ToContainTextAsync(key[..8]);
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("admin-api-keys.png"), FullPage = true });
    }
}
