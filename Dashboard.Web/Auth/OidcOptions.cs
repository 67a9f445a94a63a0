namespace Dashboard.Web.Auth;

/// <summary>
/// Single sign-on through an OpenID Connect provider (<c>Dashboard:Auth:Oidc</c>): on when <see cref="Authority"/>,
/// <see cref="ClientId"/> and <see cref="ClientSecret"/> are all set. The role comes from one claim of the ID token.
/// </summary>
public sealed class OidcOptions
{
    public const string SectionName = "Dashboard:Auth:Oidc";

    /// <summary>The provider's issuer URL, whose <c>/.well-known/openid-configuration</c> describes it; https, or http on loopback.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The ID token's claim that holds the person's roles or groups, as the provider names it.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Comma-separated values of <see cref="RoleClaim"/> that make a person an admin.</summary>
    public string AdminValues { get; set; } = "";

    /// <summary>Comma-separated values of <see cref="RoleClaim"/> that make a person a viewer.</summary>
    public string ViewerValues { get; set; } = "";

    public bool IsEnabled =>
        !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>Plain http is allowed for a provider on this machine only (a development or test provider).</summary>
    public bool IsLoopbackHttp =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback;

    public static IReadOnlyList<string> Split(string values) =>
        values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
