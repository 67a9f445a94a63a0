using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>A person's view: the real app in its own process, real Chromium, activity tracked through the API.</summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private RunningApp _app = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:Tracking:PollInterval"] = PollInterval.ToString(),
            ["Dashboard:Auth:AnonymousAccess"] = "Viewer",
        });
        _api = _app.CreateClient();
        _context = await (await TestBrowser.GetAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _api.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Overview_TrackedActivity_ShowsOnTheCounterWithinOnePollWithoutReload()
    {
        await OpenAsync("/");
        await Expect(_page.GetByTestId("current-users")).ToHaveTextAsync("0");

        await TrackAsync("user-1", "session-1", "accounting", "acme");
        await TrackAsync("user-2", "session-2", "tax", "acme");

        await Expect(_page.GetByTestId("current-users")).ToHaveTextAsync("2", new() { Timeout = Within(PollInterval) });
        await Expect(_page.GetByTestId("active-sessions")).ToHaveTextAsync("2");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("overview.png"), FullPage = true });
    }

    [Fact]
    public async Task Overview_ClickModuleThenOrganization_DrillsDownToTheirLiveCounts()
    {
        await TrackAsync("user-1", "session-1", "tax", "globex");
        await TrackAsync("user-2", "session-2", "tax", "initech");
        await TrackAsync("user-3", "session-3", "payroll", "globex");
        await OpenAsync("/");
        await Expect(_page.GetByTestId("current-users")).ToHaveTextAsync("3", new() { Timeout = Within(PollInterval) });

        await _page.GetByTestId("module-link").GetByText("tax").ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Uri(_app.Address, "/modules/tax").ToString());
        await Expect(_page.GetByTestId("module-users")).ToHaveTextAsync("2");
        await Expect(_page.GetByTestId("breakdown")).ToContainTextAsync("globex");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("module.png"), FullPage = true });

        await _page.GetByTestId("breakdown").GetByText("globex").ClickAsync();
        await Expect(_page).ToHaveURLAsync(new Uri(_app.Address, "/organizations/globex").ToString());
        await Expect(_page.GetByTestId("organization-users")).ToHaveTextAsync("2");
        await Expect(_page.GetByTestId("breakdown")).ToContainTextAsync("payroll");
        await _page.ScreenshotAsync(new() { Path = TestBrowser.ScreenshotPath("organization.png"), FullPage = true });
    }

    [Fact]
    public async Task Overview_ClickOrganizationRow_OpensItsPage()
    {
        await TrackAsync("user-1", "session-1", "tax", "hooli");
        await OpenAsync("/");
        await Expect(_page.GetByTestId("organization-row")).ToHaveTextAsync("hooli", new() { Timeout = Within(PollInterval) });

        await _page.GetByTestId("organization-row").ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Uri(_app.Address, "/organizations/hooli").ToString());
        await Expect(_page.GetByTestId("organization-users")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task Overview_Charts_DrawUsersOverTimeAndUsersPerModule()
    {
        var errors = new List<string>();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} {message.Location}");
            }
        };
        await TrackAsync("user-1", "session-1", "tax", "acme");
        await OpenAsync("/?range=1h");
        await Expect(_page.GetByTestId("current-users")).ToHaveTextAsync("1", new() { Timeout = Within(PollInterval) });

        await Expect(_page.GetByTestId("users-chart").Locator(".apexcharts-canvas")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("modules-chart").Locator(".apexcharts-bar-area").First).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join(" | ", errors));
    }

    [Fact]
    public async Task ThemeToggle_IsRememberedAcrossReloads()
    {
        await OpenAsync("/");
        var background = await BackgroundAsync();

        await _page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(_page.Locator("body")).Not.ToHaveCSSAsync("background-color", background);
        var dark = await BackgroundAsync();
        await _page.ReloadAsync();
        await WaitForCircuitAsync();

        await Expect(_page.Locator("body")).ToHaveCSSAsync("background-color", dark);
    }

    private async Task OpenAsync(string path)
    {
        await _page.GotoAsync(new Uri(_app.Address, path).ToString());
        await WaitForCircuitAsync();
    }

    // Interactive once Blazor's circuit is up; before that, clicks go nowhere.
    private async Task WaitForCircuitAsync() =>
        await Expect(_page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");

    private Task<string> BackgroundAsync() =>
        _page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private async Task TrackAsync(string user, string session, string module, string organization)
    {
        var response = await _api.PostAsJsonAsync("/api/concurrent-users/track",
            new { userId = user, organizationId = organization, sessionId = session, moduleId = module });
        response.EnsureSuccessStatusCode();
    }

    // One poll, plus time for the render to reach the browser on a busy machine.
    private static float Within(TimeSpan pollInterval) => (float)(pollInterval + TimeSpan.FromSeconds(4)).TotalMilliseconds;
}
