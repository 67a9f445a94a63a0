using System.Security.Cryptography;
using Dashboard.Core.Tracking;
using Dashboard.Data.Audit;
using Dashboard.Data.Identity;

namespace Dashboard.Web.Auth;

/// <summary>
/// Makes and revokes keys for the API and the <c>/admin/api-keys</c> page alike: the secret is returned once and only
/// its hash is stored; this instance's table is reloaded at once, the others' within a poll interval.
/// </summary>
public sealed class ApiKeyIssuer(ApiKeyStore store, ApiKeyRefresher refresher, TimeProvider time)
{
    public const int MaxNameLength = 64;
    public const int MaxOrigins = 20;
    private const string SecretPrefix = "cuk_";
    private const string SitePrefix = "cus_";
    private const string SigningPrefix = "cusig_";
    private const int VisiblePrefixLength = 8;

    /// <summary>A key for machines with <paramref name="scopes"/>, and its secret; or what was wrong with the input.</summary>
    public async Task<(StoredApiKey? Key, string? Secret, IReadOnlyList<ValidationError> Errors)> CreateAsync(
        string? name, IReadOnlyList<string>? scopes, DateTimeOffset? expiresAt, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = Check(ref name, expiresAt);
        var parsed = ApiKeyScopes.Parse(string.Join(',', scopes ?? []), out var unknown);
        if (unknown.Count > 0 || parsed.Count == 0)
        {
            errors.Add(new("scopes", $"scopes must name at least one of: {string.Join(", ", ApiKeyScopes.All)}."));
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var secret = NewSecret(SecretPrefix);
        var key = NewKey(name!, secret, string.Join(',', parsed), expiresAt, actor.Name);
        await AddAsync(key, actor, cancellationToken);
        return (key, secret, errors);
    }

    /// <summary>
    /// A site key for pages served from <paramref name="allowedOrigins"/>, and its key; with <paramref name="requireSignedUsers"/>
    /// also the signing secret (in <see cref="StoredApiKey.SigningSecret"/>) the platform's server signs user ids with.
    /// </summary>
    public async Task<(StoredApiKey? Key, string? Secret, IReadOnlyList<ValidationError> Errors)> CreateSiteAsync(
        string? name, IReadOnlyList<string>? allowedOrigins, bool requireSignedUsers, DateTimeOffset? expiresAt, AuditActor actor,
        CancellationToken cancellationToken)
    {
        var errors = Check(ref name, expiresAt);
        var origins = SiteKey.ParseOrigins(string.Join(',', allowedOrigins ?? []), out var invalid);
        if (invalid.Count > 0 || origins.Count is 0 or > MaxOrigins)
        {
            errors.Add(new("allowed_origins",
                $"allowed_origins must name 1 to {MaxOrigins} origins, each a scheme, a host and a port only, e.g. https://app.example.com."));
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var secret = NewSecret(SitePrefix);
        var key = NewKey(name!, secret, "", expiresAt, actor.Name);
        key.AllowedOrigins = string.Join(',', origins);
        key.SigningSecret = requireSignedUsers ? NewSecret(SigningPrefix) : null;
        await AddAsync(key, actor, cancellationToken);
        return (key, secret, errors);
    }

    public async Task<StoredApiKey?> RevokeAsync(long id, AuditActor actor, CancellationToken cancellationToken)
    {
        var key = await store.RevokeAsync(id, time.GetUtcNow(), actor, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return key;
    }

    public Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    private List<ValidationError> Check(ref string? name, DateTimeOffset? expiresAt)
    {
        var errors = new List<ValidationError>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"name is required: 1 to {MaxNameLength} characters, who the key acts as."));
        }

        if (expiresAt <= time.GetUtcNow())
        {
            errors.Add(new("expires_at", "expires_at must be in the future."));
        }

        return errors;
    }

    private static string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private StoredApiKey NewKey(string name, string secret, string scopes, DateTimeOffset? expiresAt, string createdBy) => new()
    {
        Name = name,
        Prefix = secret[..VisiblePrefixLength],
        Hash = ApiKeyHash.Of(secret),
        Scopes = scopes,
        CreatedBy = createdBy,
        CreatedAt = time.GetUtcNow(),
        ExpiresAt = expiresAt,
    };

    private async Task AddAsync(StoredApiKey key, AuditActor actor, CancellationToken cancellationToken)
    {
        await store.AddAsync(key, actor, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
    }
}
