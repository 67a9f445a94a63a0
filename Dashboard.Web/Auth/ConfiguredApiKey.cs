namespace Dashboard.Web.Auth;

/// <summary>A key provisioned from configuration (<c>Dashboard:Auth:ApiKeys:{name}</c>), for deployments and scripts.</summary>
public sealed class ConfiguredApiKey
{
    /// <summary>The secret the caller sends; only its SHA-256 hash is kept once the app has started.</summary>
    public string Key { get; set; } = "";

    /// <summary>Comma-separated scopes, e.g. <c>ingest,read</c>.</summary>
    public string Scopes { get; set; } = "";
}
