using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The pages work under their Content-Security-Policy in real Chromium: signing in, the overview with its charts,
/// the alerts page and the API reference (Swagger UI) run Blazor, MudBlazor and ApexCharts with not one violation or
/// script error in the console.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests : IAsyncLifetime
{
    private static readonly string[] Users = ["u1", "u2"];
    private readonly List<string> _problems = [];
    private RunningApp _app = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync(new Dictionary<string, string>());
        _context = await (await TestBrowser.GetAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (_problems) { _problems.Add($"console {message.Type}: {message.Text}"); }
            }
        };
        _page.PageError += (_, error) => { lock (_problems) { _problems.Add($"page error: {error}"); } };
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SignInOverviewAndAlerts_InDarkTheme_RunWithoutAViolation()
    {
        using var api = _app.CreateClient();
        var activities = Users.Select(user => new { userId = user, organizationId = "acme", sessionId = $"s-{user}", moduleId = "tax" });
        (await api.PostAsJsonAsync("/api/concurrent-users/track/batch", new { activities })).EnsureSuccessStatusCode();
        await _page.GotoAsync(new Uri(_app.Address, "/login").ToString());
        // The sign-in page's inline theme script runs only with the nonce: it reads this on the next load.
        await _page.EvaluateAsync("localStorage.setItem('dashboard-theme', 'dark')");
        await _page.ReloadAsync();
        Assert.True(await _page.EvaluateAsync<bool>("document.documentElement.classList.contains('dark')"), "The sign-in page's theme script did not run.");

        await BrowserSignIn.SignInAsync(_page, _app.Address, "/", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
        await Expect(_page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await _page.GotoAsync(new Uri(_app.Address, "/alerts").ToString());
        await Expect(_page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        // Swagger UI is not ours: its page must draw the operations under the same policy.
        await _page.GotoAsync(new Uri(_app.Address, "/api-docs").ToString());
        await Expect(_page.Locator(".opblock").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        lock (_problems)
        {
            Assert.Empty(_problems);
        }
    }
}
