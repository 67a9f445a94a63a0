namespace Dashboard.Web.Transport;

/// <summary>
/// Which proxies the app believes (<c>Dashboard:ForwardedHeaders</c>): the client address and scheme come from
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> only when the request comes from one of them, so nobody else can
/// choose the address the rate limits and the beacons see.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "Dashboard:ForwardedHeaders";

    /// <summary>Addresses of the proxies, comma-separated (<c>10.0.0.5,10.0.0.6</c>); none by default.</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Networks of the proxies in CIDR notation, comma-separated (<c>10.0.0.0/8</c>); none by default.</summary>
    public string KnownNetworks { get; set; } = "";

    /// <summary>TLS ends at the proxy: it, not the app, redirects to https and sends HSTS.</summary>
    public bool TlsEndsAtProxy { get; set; }

    public IEnumerable<string> Proxies => Split(KnownProxies);

    public IEnumerable<string> Networks => Split(KnownNetworks);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
