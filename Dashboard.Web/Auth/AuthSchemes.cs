namespace Dashboard.Web.Auth;

/// <summary>The authentication schemes: a key in a header, or a person's cookie, chosen per request by <see cref="Default"/>.</summary>
public static class AuthSchemes
{
    /// <summary>Forwards to <see cref="ApiKey"/> when the request carries a key, else to the cookie.</summary>
    public const string Default = "Dashboard";

    public const string ApiKey = "ApiKey";

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The name of a signed-in person's cookie.</summary>
    public const string CookieName = "dashboard.auth";
}
