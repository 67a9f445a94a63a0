namespace Dashboard.Web.Auth;

/// <summary>A site key from configuration (<c>Dashboard:Auth:SiteKeys:{name}</c>): public, embedded in the platform's pages.</summary>
public sealed class ConfiguredSiteKey
{
    /// <summary>The key pages send (<c>data-site-key</c>); it is public, so it only ever sends beacons.</summary>
    public string Key { get; set; } = "";

    /// <summary>Comma-separated origins the pages are served from, e.g. <c>https://app.example.com</c>.</summary>
    public string AllowedOrigins { get; set; } = "";

    /// <summary>Whether a beacon's user id must carry its HMAC-SHA256 signature made with <see cref="Secret"/>.</summary>
    public bool RequireSignedUsers { get; set; }

    /// <summary>The platform server's signing secret (never sent to pages); required with <see cref="RequireSignedUsers"/>.</summary>
    public string Secret { get; set; } = "";
}
