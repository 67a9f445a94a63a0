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
    private const string SecretPrefix = "cuk_";
    private const int VisiblePrefixLength = 8;

    /// <summary>The new key and its secret; or what was wrong with the input.</summary>
    public async Task<(StoredApiKey? Key, string? Secret, IReadOnlyList<ValidationError> Errors)> CreateAsync(
        string? name, IReadOnlyList<string>? scopes, DateTimeOffset? expiresAt, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add(new("name", $"name is required: 1 to {MaxNameLength} characters, who the key acts as."));
        }

        var parsed = ApiKeyScopes.Parse(string.Join(',', scopes ?? []), out var unknown);
        if (unknown.Count > 0 || parsed.Count == 0)
        {
            errors.Add(new("scopes", $"scopes must name at least one of: {string.Join(", ", ApiKeyScopes.All)}."));
        }

        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            errors.Add(new("expires_at", "expires_at must be in the future."));
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var key = new StoredApiKey
        {
            Name = name!,
            Prefix = secret[..VisiblePrefixLength],
            Hash = ApiKeyHash.Of(secret),
            Scopes = string.Join(',', parsed),
            CreatedBy = actor.Name,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await store.AddAsync(key, actor, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return (key, secret, errors);
    }

    public async Task<StoredApiKey?> RevokeAsync(long id, AuditActor actor, CancellationToken cancellationToken)
    {
        var key = await store.RevokeAsync(id, time.GetUtcNow(), actor, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return key;
    }

    public Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);
}
