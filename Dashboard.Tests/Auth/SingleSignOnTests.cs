using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Auth;

/// <summary>
/// Single sign-on in the app's pipeline against the real loopback provider: the login page's button, the challenge it
/// starts (authorization code with PKCE, to the provider's authorization endpoint), and refusing half a configuration.
/// </summary>
public sealed partial class SingleSignOnTests : IAsyncLifetime
{
    private TestOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await TestOidcProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Login_WithoutSingleSignOn_OffersNoProviderButton()
    {
        await using var app = new DashboardApp();
        using var browser = app.CreateBrowserClient();

        var page = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("login-sso", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInWithProvider_FromTheLoginPage_RedirectsThereForACodeWithPkce()
    {
        await using var app = new DashboardApp(_provider.AppSettings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value));
        using var browser = app.CreateBrowserClient();
        var page = await (await browser.GetAsync("/login?returnUrl=%2Falerts")).Content.ReadAsStringAsync();
        Assert.Contains($"Sign in with {TestOidcProvider.DisplayName}", page, StringComparison.Ordinal);

        var response = await browser.PostAsync("/login/oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/alerts",
            ["__RequestVerificationToken"] = SsoFormToken().Match(page).Groups[1].Value,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!;
        Assert.Equal(new Uri(_provider.Address, "/connect/authorize").ToString(), target.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(target.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(TestOidcProvider.ClientId, query["client_id"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
    }

    [Fact]
    public async Task SignInWithProvider_WithoutAntiforgeryToken_IsRefused()
    {
        await using var app = new DashboardApp(_provider.AppSettings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value));
        using var browser = app.CreateBrowserClient();

        var response = await browser.PostAsync("/login/oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Start_HalfConfiguredSingleSignOn_IsRefusedNamingTheMissingSetting()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:Auth:Oidc:Authority"] = _provider.Address.ToString(),
            ["Dashboard:Auth:Oidc:ClientId"] = TestOidcProvider.ClientId,
            ["Dashboard:Auth:Oidc:AdminValues"] = TestOidcProvider.AdminGroup,
        });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Dashboard:Auth:Oidc:ClientSecret is not set", refused.Message, StringComparison.Ordinal);
    }

    // The antiforgery token of the "Sign in with …" form, the first form on the page.
    [GeneratedRegex("action=\"login/oidc\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex SsoFormToken();
}
