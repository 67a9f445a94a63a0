using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Auth;

/// <summary>
/// Signs a request in as the key it sends (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>). A key that is not
/// valid fails the request (401) even where anonymous visitors may read, so a typo never passes unnoticed.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyTable keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request carries a key, so the default scheme sends it here instead of to the cookie.</summary>
    public static bool CarriesKey(HttpRequest request) =>
        request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader)
        || request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(key) is not { } identity)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        // A site key is public (it is in the platform's pages): it sends beacons, never signs anybody in.
        if (identity.Site is not null)
        {
            return Task.FromResult(AuthenticateResult.Fail("A site key only sends beacons."));
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, identity.Name),
            .. identity.Scopes.Select(scope => new Claim(ApiKeyScopes.ClaimType, scope)),
            .. ApiKeyScopes.RoleClaims(identity.Scopes),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => ApiAuthResponse.UnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiAuthResponse.ForbiddenAsync(Context);

    private static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers[AuthSchemes.ApiKeyHeader].ToString();
        if (header.Length > 0)
        {
            return header.Trim();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }
}
