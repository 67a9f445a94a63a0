using Microsoft.Playwright;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Debian's headless Chromium driven by Playwright; no browser is downloaded.</summary>
internal static class TestBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Browser = new(LaunchAsync);

    public static Task<IBrowser> GetAsync() => Browser.Value;

    /// <summary>Where screenshots go: test output beside the test assembly, never committed.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing. Install it (Debian: apt-get install chromium) or run ./test.sh.");
        }

        // A circuit that opens while fault tests and app processes share two cores can take longer than Playwright's
        // 5 s: wait up to 15 s for any expectation (a test that needs longer says so itself).
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
                // The browser's culture is pinned like the tests' (a test that needs a time zone sets its context's).
                "--lang=en-US",
            ],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}
