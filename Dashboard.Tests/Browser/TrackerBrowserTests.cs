using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The tracker snippet in real Chromium, on a page of another origin (<see cref="PlatformSite"/>): its user is counted,
/// closing the page ends the session, a hidden page is silent, and the dashboard refuses what the site key does not allow.
/// </summary>
public sealed class TrackerBrowserTests : IAsyncLifetime
{
    private const string SiteKey = "browser-site-key-0123456789abcdef";
    private const string SignedSiteKey = "browser-signed-site-key-0123456789abcdef";
    private const string SigningSecret = "browser-signing-secret-0123456789abcdef";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private PlatformSite _site = null!;
    private RunningApp _app = null!;
    private HttpClient _api = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _site = await PlatformSite.StartAsync();
        var origin = _site.Origin.GetLeftPart(UriPartial.Authority);
        _app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:Tracking:PollInterval"] = PollInterval.ToString(),
            ["Dashboard:Auth:SiteKeys:platform:Key"] = SiteKey,
            ["Dashboard:Auth:SiteKeys:platform:AllowedOrigins"] = origin,
            ["Dashboard:Auth:SiteKeys:platform-signed:Key"] = SignedSiteKey,
            ["Dashboard:Auth:SiteKeys:platform-signed:AllowedOrigins"] = origin,
            ["Dashboard:Auth:SiteKeys:platform-signed:RequireSignedUsers"] = "true",
            ["Dashboard:Auth:SiteKeys:platform-signed:Secret"] = SigningSecret,
        });
        _api = _app.CreateClient();
        _context = await (await TestBrowser.GetAsync()).NewContextAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _api.Dispose();
        await _app.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task Page_FromAnAllowedOrigin_IsCountedWithinOnePollAndClosingItEndsTheSession()
    {
        _site.ServeTrackedPage("app", _app.Address, Snippet(SiteKey));
        var page = await _context.NewPageAsync();

        var loaded = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(_site.Origin, "/app").ToString());
        await Eventually.HoldsAsync(async () => (await CurrentAsync()).Users == 1, "the page's user is counted");
        var counted = loaded.Elapsed;
        await page.CloseAsync(new() { RunBeforeUnload = true });

        // One poll after the heartbeat, with room for a loaded machine's page load.
        Assert.True(counted < PollInterval + TimeSpan.FromSeconds(5), $"Counted after {counted}.");
        await Eventually.HoldsAsync(async () => (await CurrentAsync()).Sessions == 0, "closing the page ends its session");
    }

    [Fact]
    public async Task Page_Hidden_SendsNoHeartbeatUntilItIsVisibleAgain()
    {
        _site.ServeTrackedPage("app", _app.Address, new Dictionary<string, string>(Snippet(SiteKey)) { ["interval"] = "1" });
        var page = await _context.NewPageAsync();
        var beacons = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/beacon", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref beacons);
            }
        };
        await page.GotoAsync(new Uri(_site.Origin, "/app").ToString());
        await Eventually.HoldsAsync(() => Volatile.Read(ref beacons) >= 2, "heartbeats every second while visible");

        await SetVisibilityAsync(page, "hidden");
        var whenHidden = Volatile.Read(ref beacons);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileHidden = Volatile.Read(ref beacons) - whenHidden;
        await SetVisibilityAsync(page, "visible");
        await Eventually.HoldsAsync(() => Volatile.Read(ref beacons) > whenHidden, "a heartbeat as soon as the page is visible again");

        Assert.Equal(0, whileHidden);
    }

    [Fact]
    public async Task Page_FromAnOriginTheKeyDoesNotAllow_IsRefusedAndNothingIsStored()
    {
        _site.ServeTrackedPage("app", _app.Address, Snippet(SiteKey));
        var page = await _context.NewPageAsync();

        // The refused answer carries no CORS header, so Chromium reports the request as failed rather than answered:
        // what counts is that the beacon was sent and nothing was stored.
        await page.RunAndWaitForRequestAsync(
            () => page.GotoAsync(new Uri(_site.OtherOrigin, "/app").ToString()),
            request => request.Url.Contains("/beacon", StringComparison.Ordinal));
        await WaitForTwoPollsAsync();

        Assert.Equal(0, (await CurrentAsync()).Sessions);
    }

    [Fact]
    public async Task SignedUsersKey_WrongSignatureIsRefusedAndTheRightOneCounted()
    {
        _site.ServeTrackedPage("forged", _app.Address, new Dictionary<string, string>(Snippet(SignedSiteKey)) { ["user-signature"] = Sign("u-1") });
        _site.ServeTrackedPage("signed", _app.Address, new Dictionary<string, string>(Snippet(SignedSiteKey)) { ["user-signature"] = Sign("u-42") });
        var page = await _context.NewPageAsync();

        var forged = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(new Uri(_site.Origin, "/forged").ToString()),
            response => response.Url.Contains("/beacon", StringComparison.Ordinal));
        await WaitForTwoPollsAsync();
        var afterForged = await CurrentAsync();
        await page.GotoAsync(new Uri(_site.Origin, "/signed").ToString());

        Assert.Equal(403, forged.Status);
        Assert.Equal(0, afterForged.Sessions);
        await Eventually.HoldsAsync(async () => (await CurrentAsync()).Users == 1, "the signed user is counted");
    }

    private static Dictionary<string, string> Snippet(string key) => new()
    {
        ["site-key"] = key,
        ["organization"] = "org-1",
        ["user"] = "u-42",
        ["module"] = "tax",
    };

    // What docs/tracker.md tells the platform's server to compute.
    private static string Sign(string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes(userId)));

    // Headless Chromium's pages are always visible: the page is told otherwise as a browser tells it when its tab is hidden.
    private static async Task SetVisibilityAsync(IPage page, string state) => await page.EvaluateAsync(
        """
        state => {
          Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
          Object.defineProperty(document, 'hidden', { value: state === 'hidden', configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        """,
        state);

    private static Task WaitForTwoPollsAsync() => Task.Delay(2 * PollInterval + TimeSpan.FromMilliseconds(500));

    private async Task<(long Users, long Sessions)> CurrentAsync()
    {
        var body = await _api.GetFromJsonAsync<JsonElement>("/api/concurrent-users/current");
        var data = body.GetProperty("data");
        return (data.GetProperty("concurrent_users").GetInt64(), data.GetProperty("active_sessions").GetInt64());
    }
}
