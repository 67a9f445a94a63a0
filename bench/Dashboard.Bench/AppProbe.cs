using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>What the benchmark asks the app and Chromium outside the measured traffic.</summary>
internal static partial class AppProbe
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [GeneratedRegex("\"concurrent_users\":(\\d+)")]
    private static partial Regex ConcurrentUsers();

    /// <summary>
    /// The users counted in the app's latest poll (GET /current, answered from memory: it sends Redis nothing), so a
    /// figure can show whether the population it counted commands for stayed the same.
    /// </summary>
    public static async Task<long> CurrentUsersAsync(HttpClient http)
    {
        var body = await http.GetStringAsync("api/concurrent-users/current");
        var match = ConcurrentUsers().Match(body);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>A new page showing the dashboard, returned once its circuit renders the live counter.</summary>
    public static async Task<IPage> OpenDashboardAsync(IBrowser browser, Uri address)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(address.ToString(), new PageGotoOptions { Timeout = 180_000 });
        // The counter is rendered by the interactive circuit once it is connected.
        await page.WaitForSelectorAsync("[data-testid=current-users]", new PageWaitForSelectorOptions { Timeout = 180_000 });
        return page;
    }
}
