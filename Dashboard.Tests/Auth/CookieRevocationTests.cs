using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Auth;

/// <summary>
/// Against the real app over HTTP: a person's sign-in cookie stops working at the request after an admin disables
/// or demotes them, not when the cookie expires.
/// </summary>
public sealed class CookieRevocationTests : IAsyncLifetime
{
    private const string Users = $"{DashboardApp.Api}/users";

    private RunningApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await RunningApp.StartAsync(new Dictionary<string, string>());
        _admin = _app.CreateClient(TestApiKeys.Admin);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Disabled_TheirCookie_IsRefusedAtTheNextRequest()
    {
        await _admin.PostAsJsonAsync(Users, new { user_name = "vera", password = "vera-long-password", role = "viewer" });
        using var vera = CookieClient();
        await SignInForm.SignInAsync(vera, "vera", "vera-long-password");
        var before = await vera.GetAsync($"{DashboardApp.Api}/current");

        var disabled = await _admin.DeleteAsync($"{Users}/vera");
        var after = await vera.GetAsync($"{DashboardApp.Api}/current");
        var page = await vera.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demoted_TheirAdminCookie_NoLongerActsAsAdmin()
    {
        await _admin.PostAsJsonAsync(Users, new { user_name = "adam", password = "adam-long-password", role = "admin" });
        using var adam = CookieClient();
        await SignInForm.SignInAsync(adam, "adam", "adam-long-password");
        var before = await adam.GetAsync(Users);

        await _admin.PutAsJsonAsync($"{Users}/adam", new { role = "viewer" });
        var after = await adam.GetAsync(Users);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    // Outside Development the sign-in cookie is Secure, which a cookie jar never sends over this test's plain http:
    // these cookies are kept and sent by hand, as a browser would over https.
    private HttpClient CookieClient() =>
        new(new PlainHttpCookies(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = _app.Address };

    private sealed class PlainHttpCookies(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(pair[0]);
                }
                else
                {
                    _cookies[pair[0]] = pair[1];
                }
            }

            return response;
        }
    }
}
