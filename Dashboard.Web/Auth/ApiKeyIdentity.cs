namespace Dashboard.Web.Auth;

/// <summary>
/// Who a valid key acts as: its name and scopes; <see cref="StoredId"/> for a key an admin made (null from configuration);
/// <see cref="Site"/> for a site key, which has no scope and only sends beacons.
/// </summary>
public sealed record ApiKeyIdentity(
    string Name, IReadOnlyList<string> Scopes, long? StoredId = null, DateTimeOffset? ExpiresAt = null, SiteKey? Site = null);
