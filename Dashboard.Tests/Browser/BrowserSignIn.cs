using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>Signing in as a person does: open a page, be sent to /login, fill the form, land on the page.</summary>
internal static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, Uri app, string path, string userName, string password)
    {
        await page.GotoAsync(new Uri(app, path).ToString());
        await Expect(page).ToHaveURLAsync(new Uri(app, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.GetByTestId("login-user").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app, path).ToString());
        await Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
    }
}
