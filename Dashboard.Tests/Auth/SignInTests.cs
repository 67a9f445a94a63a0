using System.Net;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Account;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Auth;

/// <summary>People signing in on /login: the cookie, the one message for every failure, lockout, the rate limit, the first admin.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_GoesWhereItWasGoingWithAnHttpOnlyLaxSecureCookie()
    {
        using var browser = _app.CreateBrowserClient();

        var response = await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, TestApiKeys.AdminPassword, "/login?returnUrl=%2Falerts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/alerts", RedirectTarget(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("dashboard.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/alerts")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_SaysTheSameThing()
    {
        using var browser = _app.CreateBrowserClient();

        var wrongPassword = await (await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, "not-the-password-at-all")).Content.ReadAsStringAsync();
        var unknownUser = await (await SignInForm.SignInAsync(browser, "nobody", TestApiKeys.AdminPassword)).Content.ReadAsStringAsync();

        Assert.Contains(Login.FailedMessage, wrongPassword, StringComparison.Ordinal);
        Assert.Contains(Login.FailedMessage, unknownUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_RefusesTheRightOne()
    {
        using var browser = _app.CreateBrowserClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, "not-the-password-at-all");
        }

        var response = await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Login.FailedMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOnAnotherSite_GoesToTheOverview()
    {
        using var browser = _app.CreateBrowserClient();

        var response = await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, TestApiKeys.AdminPassword, "/login?returnUrl=%2F%2Fevil.example%2F");

        Assert.Equal("/", RedirectTarget(response));
    }

    [Fact]
    public async Task SignIn_EleventhAttemptInAMinute_Answers429()
    {
        using var browser = _app.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            statuses.Add((await SignInForm.SignInAsync(browser, "nobody", "not-the-password-at-all")).StatusCode);
        }

        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task FirstAdmin_NoneConfigured_IsAdminWithALoggedPasswordToChangeAtFirstSignIn()
    {
        await using var generated = await GeneratedAdminApp.StartAsync();
        using var browser = generated.CreateBrowserClient();

        var response = await SignInForm.SignInAsync(browser, "admin", generated.Password, "/login?returnUrl=%2Falerts");

        Assert.Equal(LogLevel.Warning, generated.Level);
        Assert.StartsWith("Sign in as admin with ", generated.Message, StringComparison.Ordinal);
        Assert.Equal("/account?returnUrl=%2Falerts", RedirectTarget(response));
        Assert.Equal("/account?returnUrl=%2Falerts", RedirectTarget(await browser.GetAsync("/alerts")));
    }

    [Fact]
    public async Task Account_NewPassword_LetsTheFirstAdminIn()
    {
        await using var generated = await GeneratedAdminApp.StartAsync();
        using var browser = generated.CreateBrowserClient();
        await SignInForm.SignInAsync(browser, "admin", generated.Password);

        var response = await SignInForm.PostAsync(browser, "/account?returnUrl=%2Falerts", "change-password", new()
        {
            ["Input.CurrentPassword"] = generated.Password,
            ["Input.NewPassword"] = "a-new-long-password",
            ["Input.ConfirmPassword"] = "a-new-long-password",
        });

        Assert.Equal("/alerts", RedirectTarget(response));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/alerts")).StatusCode);
    }

    private static string RedirectTarget(HttpResponseMessage response) =>
        new Uri(new Uri("https://localhost"), response.Headers.Location!).PathAndQuery;

    /// <summary>An app whose first admin was generated, with the password its one warning gave.</summary>
    private sealed class GeneratedAdminApp : IAsyncDisposable
    {
        private readonly DashboardApp _app = new(new Dictionary<string, string?>
        {
            ["Dashboard:Auth:InitialAdmin:UserName"] = "",
            ["Dashboard:Auth:InitialAdmin:Password"] = "",
        });

        private readonly RecordingLogger<InitialAdminSeeder> _log = new();
        private WebApplicationFactory<Program> _withLog = null!;

        public string Password => Message.Split(' ')[5];

        public LogLevel Level => Assert.Single(_log.Entries).Level;

        public string Message => Assert.Single(_log.Entries).Message;

        public static Task<GeneratedAdminApp> StartAsync()
        {
            var app = new GeneratedAdminApp();
            app._withLog = app._app.WithWebHostBuilder(builder =>
                builder.ConfigureTestServices(services => services.AddSingleton<ILogger<InitialAdminSeeder>>(app._log)));
            app._withLog.StartServer();
            return Task.FromResult(app);
        }

        public HttpClient CreateBrowserClient()
        {
            var client = _withLog.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            client.DefaultRequestHeaders.Remove(TestApiKeys.Header);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            await _withLog.DisposeAsync();
            await _app.DisposeAsync();
        }
    }
}
