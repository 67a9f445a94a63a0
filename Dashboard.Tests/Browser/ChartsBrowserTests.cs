using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>The time control and the charts in real Chromium, where layout and ApexCharts' drawing happen.</summary>
public sealed class ChartsBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private RunningApp _app = null!;
    private HttpClient _api = null!;
    private readonly List<IBrowserContext> _contexts = [];

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:Tracking:PollInterval"] = PollInterval.ToString(),
            ["Dashboard:Auth:AnonymousAccess"] = "Viewer",
        });
        _api = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        _api.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task CustomRange_PageLeftOpen_KeepsOneUrlAndOneHistoryEntry()
    {
        var page = await OpenAsync("/?start=2026-12-01T00:00:00Z&end=2026-12-03T00:00:00Z", width: 1440);
        var before = await page.EvaluateAsync<int>("() => history.length");

        // The defect navigated every ~100 ms; a few polls are plenty to see it.
        await Task.Delay(PollInterval * 4);

        Assert.Equal(before, await page.EvaluateAsync<int>("() => history.length"));
        Assert.EndsWith("/?start=2026-12-01T00:00:00Z&end=2026-12-03T00:00:00Z", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phone_RangeControl_HasTapSizedButtonsWhoseLabelsFit()
    {
        var page = await OpenAsync("/", width: 390);

        foreach (var id in new[] { "range-1h", "range-6h", "range-24h", "range-7d", "range-30d", "range-custom" })
        {
            var button = page.GetByTestId(id);
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.Height >= 44 && box.Width >= 44, $"{id} is {box.Width}×{box.Height} px");
            var clipped = await button.EvaluateAsync<string>("b => [b, ...b.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => `${e.className} ${e.scrollWidth} > ${e.clientWidth} px`).join('; ')");
            Assert.True(clipped.Length == 0, $"{id}'s label is cut: {clipped}");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page scrolls sideways");
    }

    [Fact]
    public async Task SevenDays_OneHourOfActivity_DrawsItsBucket()
    {
        await TrackAsync("user-1", "session-1", "tax", "acme");
        await TrackAsync("user-2", "session-2", "payroll", "acme");
        var page = await OpenAsync("/?range=7d", width: 1440);
        await Expect(page.GetByTestId("current-users")).ToHaveTextAsync("2", new() { Timeout = Within(PollInterval) });

        // One bucket has no neighbour to draw a line to: it must still show as a point.
        await Expect(page.GetByTestId("users-chart").Locator(DrawnPoint).First)
            .ToBeVisibleAsync(new() { Timeout = Within(PollInterval * 3) });
        await page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("range-7d.png"), FullPage = true });
    }

    [Fact]
    public async Task TimeZone_BrowserInParis_ShowsParisTimesUntilUtcIsChosenWhichIsRemembered()
    {
        var page = await OpenAsync("/?start=2026-12-01T06:30:00Z&end=2026-12-02T18:00:00Z", width: 1440, timeZone: "Europe/Paris");

        await Expect(page.GetByTestId("range-from")).ToHaveValueAsync("2026-12-01 07:30");
        await Expect(page.GetByTestId("utc-toggle")).ToHaveAttributeAsync("data-zone", "Europe/Paris");
        await page.GetByTestId("utc-toggle").ClickAsync();
        await Expect(page.GetByTestId("range-from")).ToHaveValueAsync("2026-12-01 06:30");

        await page.ReloadAsync();
        await Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.GetByTestId("utc-toggle")).ToHaveAttributeAsync("data-zone", "UTC");
        await Expect(page.GetByTestId("range-from")).ToHaveValueAsync("2026-12-01 06:30");
    }

    [Fact]
    public async Task Screenshots_OverviewLightDarkPhoneAndModuleWithItsLatency()
    {
        await TrackAsync("user-1", "session-1", "tax", "acme");
        await TrackAsync("user-2", "session-2", "tax", "globex", responseTimeMs: 900, isError: true);
        await TrackAsync("user-3", "session-3", "payroll", "acme");
        var page = await OpenAsync("/?range=1h", width: 1440);
        await Expect(page.GetByTestId("current-users")).ToHaveTextAsync("3", new() { Timeout = Within(PollInterval) });
        await Expect(page.GetByTestId("module-p95").First).Not.ToHaveTextAsync("n/a", new() { Timeout = Within(PollInterval) });
        await Expect(page.GetByTestId("latency-chart").Locator(".apexcharts-canvas")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("overview-light.png"), FullPage = true });

        var light = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        // The charts redraw in the dark theme after the circuit's next render.
        await Expect(page.GetByTestId("users-chart").Locator(".apexcharts-canvas.apexcharts-theme-dark")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("overview-dark.png"), FullPage = true });

        var phone = await OpenAsync("/?range=1h", width: 390);
        await Expect(phone.GetByTestId("current-users")).ToHaveTextAsync("3", new() { Timeout = Within(PollInterval) });
        await Expect(phone.GetByTestId("users-chart").Locator(".apexcharts-canvas")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("overview-phone.png"), FullPage = true });

        var module = await OpenAsync("/modules/tax?range=1h", width: 1440);
        await Expect(module.GetByTestId("module-users")).ToHaveTextAsync("2", new() { Timeout = Within(PollInterval) });
        await Expect(module.GetByTestId("latency-chart").Locator(".apexcharts-canvas")).ToBeVisibleAsync();
        // Each chart's lone point is drawn (as a marker) once the first poll's figures have reached the browser.
        await Expect(module.GetByTestId("latency-chart-empty")).ToHaveCountAsync(0);
        await Expect(module.GetByTestId("latency-chart").Locator(DrawnPoint).First).ToBeVisibleAsync();
        await Expect(module.GetByTestId("error-rate-chart").Locator(DrawnPoint).First).ToBeVisibleAsync();
        await module.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("module-latency.png"), FullPage = true });
    }

    [Fact]
    public async Task Overview_ComponentStyles_AreLoadedFromTheirRazorCss()
    {
        await TrackAsync("user-1", "session-1", "tax", "acme");
        var page = await OpenAsync("/", width: 1440);
        await Expect(page.GetByTestId("current-users")).ToHaveTextAsync("1", new() { Timeout = Within(PollInterval) });

        // CurrentBreakdown.razor.css on its own cells and, through ::deep, on MudTable's; ResourceGauges.razor.css.
        await Expect(page.GetByTestId("module-p95").First).ToHaveCSSAsync("text-align", "right");
        await Expect(page.GetByTestId("top-organizations").Locator("td.number").First).ToHaveCSSAsync("text-align", "right");
        await Expect(page.Locator(".gauge-value").First).ToHaveCSSAsync("position", "absolute");
    }

    // A point ApexCharts drew. Its hover marker (the only one in .apexcharts-series-markers once discrete markers are
    // on) is a marker too, of size 0 until hovered: it never shows, so a test looking for it never sees a point.
    [Fact]
    public async Task Kiosk_WallScreen_ShowsNoChromeAndKeepsKioskAndRefreshOnItsLinks()
    {
        await TrackAsync("user-1", "session-1", "tax", "acme");
        await TrackAsync("user-2", "session-2", "payroll", "globex");
        var page = await OpenAsync("/?kiosk=1&refresh=30s&range=1h", width: 1920);
        await Expect(page.GetByTestId("current-users")).ToHaveTextAsync("2", new() { Timeout = Within(PollInterval) });

        await Expect(page.Locator(".mud-appbar")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-drawer")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("live-toggle")).ToHaveCountAsync(0);
        var figure = await page.GetByTestId("current-users").EvaluateAsync<float>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(figure >= 64, $"the counter is {figure} px high on a wall screen");
        await Expect(page.GetByTestId("users-chart").Locator(DrawnPoint).First).ToBeVisibleAsync(new() { Timeout = Within(PollInterval * 3) });
        await page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("kiosk.png"), FullPage = true });

        await page.GetByTestId("module-link").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/modules/[a-z]+\\?range=1h&refresh=30s&kiosk=1$"));
        await Expect(page.Locator(".mud-appbar")).ToHaveCountAsync(0);
    }

    private const string DrawnPoint = ".apexcharts-series-markers-wrap .apexcharts-marker:not([default-marker-size='0'])";

    private async Task<IPage> OpenAsync(string path, int width, string timeZone = "UTC")
    {
        var context = await (await TestBrowser.GetAsync()).NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = 900 },
            TimezoneId = timeZone,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_app.Address, path).ToString());
        // Interactive once Blazor's circuit is up; before that, clicks go nowhere.
        await Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");
        return page;
    }

    private async Task TrackAsync(string user, string session, string module, string organization, int responseTimeMs = 120, bool isError = false)
    {
        var response = await _api.PostAsJsonAsync("/api/concurrent-users/track",
            new { userId = user, organizationId = organization, sessionId = session, moduleId = module, responseTimeMs, isError });
        response.EnsureSuccessStatusCode();
    }

    // One poll, plus time for the render to reach the browser on a busy machine.
    private static float Within(TimeSpan pollInterval) => (float)(pollInterval + TimeSpan.FromSeconds(4)).TotalMilliseconds;
}
