using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Transport;

/// <summary>
/// Every answer carries the security headers; a page's policy lets only its own inline scripts run, by a nonce made
/// for the request; HSTS is sent over https unless TLS ends at a proxy.
/// </summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/login")]
    [InlineData(DashboardApp.Api + "/current")]
    [InlineData("/tracker.js")]
    [InlineData("/no-such-page")]
    public async Task AnyAnswer_CarriesNoSniffReferrerPolicyAndNoFraming(string path)
    {
        using var browser = _app.CreateBrowserClient();

        var response = await browser.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ItsInlineScriptsCarryTheNonceOfItsPolicy_AndThePolicyHasNoEval()
    {
        using var browser = _app.CreateBrowserClient();

        var first = await browser.GetAsync("/login");
        var second = await browser.GetAsync("/login");

        var policy = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, Assert.Single(second.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var html = await first.Content.ReadAsStringAsync();
        var inline = InlineScript().Matches(html);
        Assert.NotEmpty(inline);
        Assert.All(inline, script => Assert.Equal(nonce, NonceAttribute().Match(script.Groups[1].Value).Groups[1].Value));
    }

    [Fact]
    public async Task Https_UnlessTlsEndsAtAProxy_SendsHsts()
    {
        await using var direct = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:ForwardedHeaders:TlsEndsAtProxy"] = "false" });
        using var client = direct.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example"), AllowAutoRedirect = false });
        using var behindProxy = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/health/live");
        var proxied = await behindProxy.GetAsync("/health/live");

        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(proxied.Headers.Contains("Strict-Transport-Security"));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    // A script element without src, i.e. whose text runs in the page (an import map is one too).
    [GeneratedRegex("<script(?![^>]*\\ssrc=)([^>]*)>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("nonce=\"([^\"]*)\"")]
    private static partial Regex NonceAttribute();
}
