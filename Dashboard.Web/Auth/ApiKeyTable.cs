using System.Collections.Concurrent;
using System.Collections.Frozen;
using Dashboard.Data.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// The valid keys by the hash of their secret, in memory: checking a key on the hot path is one SHA-256 and one lookup,
/// never a database call. Keys from configuration are fixed; the ones admins made are reloaded every poll interval
/// (<see cref="ApiKeyRefresher"/>), so a revocation reaches every instance within one.
/// </summary>
public sealed class ApiKeyTable
{
    private readonly Dictionary<string, ApiKeyIdentity> _configured;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _used = new();
    private volatile FrozenDictionary<string, ApiKeyIdentity> _byHash;

    public ApiKeyTable(IOptions<AuthOptions> options, TimeProvider time)
    {
        _time = time;
        _configured = options.Value.ApiKeys.ToDictionary(
            key => ApiKeyHash.Of(key.Value.Key),
            key => new ApiKeyIdentity(key.Key, ApiKeyScopes.Parse(key.Value.Scopes, out _)));
        foreach (var (name, site) in options.Value.SiteKeys)
        {
            _configured[ApiKeyHash.Of(site.Key)] = new ApiKeyIdentity(name, [], Site: new SiteKey(
                SiteKey.ParseOrigins(site.AllowedOrigins, out _), site.RequireSignedUsers ? site.Secret : null));
        }

        _byHash = _configured.ToFrozenDictionary();
    }

    public ApiKeyIdentity? Find(string key)
    {
        if (!_byHash.TryGetValue(ApiKeyHash.Of(key), out var identity))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (identity.ExpiresAt <= now)
        {
            return null;
        }

        if (identity.StoredId is { } id)
        {
            _used[id] = now;
        }

        return identity;
    }

    /// <summary>Puts the stored keys in force beside the configured ones (a configured key wins a clash).</summary>
    public void Load(IEnumerable<StoredApiKey> stored)
    {
        var table = stored.ToDictionary(
            key => key.Hash,
            key => new ApiKeyIdentity(key.Name, ApiKeyScopes.Parse(key.Scopes, out _), key.Id, key.ExpiresAt, key.AllowedOrigins is null
                ? null
                : new SiteKey(SiteKey.ParseOrigins(key.AllowedOrigins, out _), key.SigningSecret)));
        foreach (var (hash, identity) in _configured)
        {
            table[hash] = identity;
        }

        _byHash = table.ToFrozenDictionary();
    }

    /// <summary>When each stored key was last used since the previous call, to be written to the database.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> TakeLastUsed()
    {
        var taken = new Dictionary<long, DateTimeOffset>();
        foreach (var id in _used.Keys)
        {
            if (_used.TryRemove(id, out var at))
            {
                taken[id] = at;
            }
        }

        return taken;
    }
}
