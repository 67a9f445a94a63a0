namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The keys every test app is provisioned with from configuration. Test clients send <see cref="Default"/> (every
/// scope, so a test can track and read and administer) unless a test asks for another caller; the auth tests use the
/// keys with one scope each.
/// </summary>
internal static class TestApiKeys
{
    public const string Header = "X-Api-Key";

    public const string Default = "test-default-key-0123456789abcdef";
    public const string Admin = "test-admin-key-0123456789abcdef";
    public const string Viewer = "test-viewer-key-0123456789abcdef";
    public const string Ingest = "test-ingest-key-0123456789abcdef";
    public const string Metrics = "test-metrics-key-0123456789abcdef";

    /// <summary>A site key from configuration for pages of <see cref="SiteOrigin"/>; <see cref="SignedSite"/> also requires signed users.</summary>
    public const string Site = "test-site-key-0123456789abcdef";
    public const string SignedSite = "test-signed-site-key-0123456789abcdef";
    public const string SiteOrigin = "https://app.example.com";

    /// <summary>The secret <see cref="SignedSite"/>'s user ids are signed with (Dashboard:Auth:SiteKeys:{name}:Secret).</summary>
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";

    /// <summary>The name <see cref="Default"/> acts as, e.g. in <c>acknowledged_by</c>.</summary>
    public const string DefaultName = "test-default";

    /// <summary>The name <see cref="Admin"/> acts as.</summary>
    public const string AdminName = "test-admin";

    /// <summary>The first admin every test app makes (Dashboard:Auth:InitialAdmin), for the sign-in tests.</summary>
    public const string AdminUser = "ada";
    public const string AdminPassword = "ada-has-a-long-password";

    /// <summary>The settings that provision the keys, the site keys and the first admin: <c>Dashboard:Auth:ApiKeys:{name}:Key</c> and <c>:Scopes</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        [$"Dashboard:Auth:ApiKeys:{DefaultName}:Key"] = Default,
        [$"Dashboard:Auth:ApiKeys:{DefaultName}:Scopes"] = "ingest,read,admin",
        [$"Dashboard:Auth:ApiKeys:{AdminName}:Key"] = Admin,
        [$"Dashboard:Auth:ApiKeys:{AdminName}:Scopes"] = "admin",
        ["Dashboard:Auth:ApiKeys:test-viewer:Key"] = Viewer,
        ["Dashboard:Auth:ApiKeys:test-viewer:Scopes"] = "read",
        ["Dashboard:Auth:ApiKeys:test-ingest:Key"] = Ingest,
        ["Dashboard:Auth:ApiKeys:test-ingest:Scopes"] = "ingest",
        ["Dashboard:Auth:SiteKeys:test-site:Key"] = Site,
        ["Dashboard:Auth:SiteKeys:test-site:AllowedOrigins"] = SiteOrigin,
        ["Dashboard:Auth:SiteKeys:test-signed-site:Key"] = SignedSite,
        ["Dashboard:Auth:SiteKeys:test-signed-site:AllowedOrigins"] = SiteOrigin,
        ["Dashboard:Auth:SiteKeys:test-signed-site:RequireSignedUsers"] = "true",
        ["Dashboard:Auth:SiteKeys:test-signed-site:Secret"] = SigningSecret,
        ["Dashboard:Auth:ApiKeys:test-metrics:Key"] = Metrics,
        ["Dashboard:Auth:ApiKeys:test-metrics:Scopes"] = "metrics",
        ["Dashboard:Auth:InitialAdmin:UserName"] = AdminUser,
        ["Dashboard:Auth:InitialAdmin:Password"] = AdminPassword,
    };

    /// <summary>A client of <paramref name="address"/> that sends <paramref name="key"/> (none when null) and never follows redirects.</summary>
    public static HttpClient Client(Uri address, string? key = Default)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        Send(client, key);
        return client;
    }

    public static void Send(HttpClient client, string? key)
    {
        client.DefaultRequestHeaders.Remove(Header);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(Header, key);
        }
    }
}
