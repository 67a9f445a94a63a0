namespace Dashboard.Web.Auth;

/// <summary>Who may do what without a person signing in: anonymous access and the keys from configuration.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Dashboard:Auth";

    /// <summary><c>None</c> or <c>Viewer</c>; unset means <c>Viewer</c> when demo data runs in Development, else <c>None</c>.</summary>
    public AnonymousAccess? AnonymousAccess { get; set; }

    /// <summary>The first admin's user name and password (<c>Dashboard:Auth:InitialAdmin</c>).</summary>
    public InitialAdminOptions InitialAdmin { get; set; } = new();

    /// <summary>Keys by name (the name is who the key acts as, e.g. in <c>acknowledged_by</c>).</summary>
    public Dictionary<string, ConfiguredApiKey> ApiKeys { get; set; } = [];

    /// <summary>
    /// How often an open dashboard re-checks its person (disabled, demoted, new password): a request re-checks at once,
    /// a circuit that makes none within this interval.
    /// </summary>
    public TimeSpan CircuitRevalidation { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Site keys by name: public keys for the tracker snippet, bound to the origins of the platform's pages.</summary>
    public Dictionary<string, ConfiguredSiteKey> SiteKeys { get; set; } = [];
}
