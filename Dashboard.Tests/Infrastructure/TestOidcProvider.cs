using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider on a free loopback port (OpenIddict, in this test process): discovery, authorization
/// code with PKCE, ephemeral keys, end-session, over plain http. Its sign-in page is a one-field form: the user name of
/// one of <see cref="People"/>, whose <c>roles</c> claim goes into the ID token.
/// </summary>
internal sealed class TestOidcProvider : IAsyncDisposable
{
    public const string DisplayName = "Test SSO";
    public const string ClientId = "dashboard";
    public const string ClientSecret = "test-provider-client-secret-0123456789";
    public const string AdminGroup = "dashboard-admins";
    public const string ViewerGroup = "dashboard-viewers";

    /// <summary>Who can sign in here, with the values of their <c>roles</c> claim.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> People = new Dictionary<string, string[]>
    {
        ["ada"] = [ViewerGroup, AdminGroup],
        ["vic"] = [ViewerGroup],
        ["nora"] = ["accounting"],
    };

    private readonly WebApplication _app;
    private readonly string _folder;
    private int _endedSessions;

    private TestOidcProvider(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>How many times a client sent a person to the end-session endpoint.</summary>
    public int EndedSessions => Volatile.Read(ref _endedSessions);

    /// <summary>The dashboard's settings for signing in here: admins and viewers by group.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["Dashboard:Auth:Oidc:Authority"] = Address.ToString(),
        ["Dashboard:Auth:Oidc:ClientId"] = ClientId,
        ["Dashboard:Auth:Oidc:ClientSecret"] = ClientSecret,
        ["Dashboard:Auth:Oidc:DisplayName"] = DisplayName,
        ["Dashboard:Auth:Oidc:RoleClaim"] = "roles",
        ["Dashboard:Auth:Oidc:AdminValues"] = AdminGroup,
        ["Dashboard:Auth:Oidc:ViewerValues"] = ViewerGroup,
    };

    public static async Task<TestOidcProvider> StartAsync()
    {
        // The provider shares this process's thread pool with tests that block on hosts they start; on a two-core
        // machine the pool then grew too slowly for the dashboard's first discovery request (60 s timeouts were seen).
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), completions);
        var address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var folder = Directory.CreateTempSubdirectory("oidc-provider-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDbContext>(db => db.UseSqlite($"Data Source={Path.Combine(folder, "provider.db")}").UseOpenIddict());
        // The provider's own session: who signed in on its form. Its name differs from the dashboard's, as both live on 127.0.0.1.
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "provider.auth";
            cookie.LoginPath = "/account/login";
            cookie.ReturnUrlParameter = "returnUrl";
        });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new TestOidcProvider(app, folder, address);
        app.UseAuthentication();
        app.MapGet("/account/login", (string returnUrl) => Results.Content(LoginForm(returnUrl), "text/html"));
        // Taking the request rather than the context makes these route handlers whose result is written, not RequestDelegates.
        app.MapPost("/account/login", (HttpRequest request) => SignInOnFormAsync(request.HttpContext));
        app.MapGet("/connect/authorize", (HttpRequest request) => AuthorizeAsync(request.HttpContext));
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            Interlocked.Increment(ref provider._endedSessions);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            // OpenIddict sends the browser on to the client's registered post_logout_redirect_uri.
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        return provider;
    }

    /// <summary>Lets the dashboard at <paramref name="app"/> sign people in here and send them back after signing out.</summary>
    public async Task RegisterClientAsync(Uri app)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Concurrent users dashboard",
            RedirectUris = { new Uri(app, "/signin-oidc") },
            PostLogoutRedirectUris = { new Uri(app, "/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // The person signed in on the provider's form is issued an ID token with their name and roles; anyone else signs in first.
    private static async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an authorization request.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded)
        {
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        var name = session.Principal.Identity!.Name!;
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, $"subject-{name}")
            .SetClaim(Claims.PreferredUsername, name)
            .SetClaims("roles", [.. People[name]]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> SignInOnFormAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var name = form["user"].ToString();
        if (!People.ContainsKey(name))
        {
            return Results.BadRequest($"No person {name} here.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        var returnUrl = form["returnUrl"].ToString();
        return Results.LocalRedirect(returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal) ? returnUrl : "/");
    }

    private static string LoginForm(string returnUrl) => $"""
        <!DOCTYPE html>
        <html><head><title>Test SSO</title></head>
        <body>
          <h1>Test SSO</h1>
          <form method="post" action="/account/login">
            <input type="hidden" name="returnUrl" value="{HtmlEncoder.Default.Encode(returnUrl)}" />
            <label>User name <input name="user" data-testid="provider-user" /></label>
            <button type="submit" data-testid="provider-submit">Sign in</button>
          </form>
        </body></html>
        """;

    /// <summary>OpenIddict's applications, authorizations and tokens, in a SQLite file of the provider's own.</summary>
    private sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}
