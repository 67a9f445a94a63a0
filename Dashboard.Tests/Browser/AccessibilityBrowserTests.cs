using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// An axe scan of every main page, signed in as an admin after traffic that opens an alert, in the light and the dark
/// theme: no serious or critical violation (the impacts that keep someone from using the page).
/// </summary>
public sealed class AccessibilityBrowserTests : IAsyncLifetime
{
    private static readonly string[] Pages = ["/", "/modules/tax", "/organizations/acme", "/sessions", "/alerts"];

    private static readonly string[] Blocking = ["serious", "critical"];

    private RunningApp _app = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _app = await AlertingApp.StartAsync();
        _context = await (await TestBrowser.GetAsync()).NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task MainPages_Theme_HaveNoSeriousOrCriticalViolation(string theme)
    {
        using var api = _app.CreateClient();
        string[] users = ["u1", "u2"];
        var activities = users.Select(user => new { userId = user, organizationId = "acme", sessionId = $"s-{user}", moduleId = "tax", responseTimeMs = 120 });
        (await api.PostAsJsonAsync("/api/concurrent-users/track/batch", new { activities })).EnsureSuccessStatusCode();
        var page = await _context.NewPageAsync();
        await BrowserSignIn.SignInAsync(page, _app.Address, "/", TestApiKeys.AdminUser, TestApiKeys.AdminPassword);
        await page.EvaluateAsync($"localStorage.setItem('dashboard-theme', '{theme}')");

        var found = new List<string>();
        foreach (var path in Pages)
        {
            await page.GotoAsync(new Uri(_app.Address, path).ToString());
            await Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
            // The status strip is drawn from the circuit's first poll: the page is complete once it shows.
            await Expect(page.GetByTestId("status-strip")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var result = await page.RunAxe();
            found.AddRange(result.Violations
                .Where(violation => Blocking.Contains(violation.Impact))
                .Select(violation => $"{path} {violation.Impact} {violation.Id}: {violation.Help} at {string.Join("; ", violation.Nodes.Take(3).Select(node => $"{node.Target} ({string.Join(" ", node.Any.Select(check => check.Message))})"))}"));
        }

        Assert.True(found.Count == 0, $"In the {theme} theme:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }
}
