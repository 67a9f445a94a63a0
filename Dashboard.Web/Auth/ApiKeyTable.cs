using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// The valid keys by the hash of their secret, in memory: checking a key on the hot path is one SHA-256 and one lookup,
/// never a database call.
/// </summary>
public sealed class ApiKeyTable
{
    private readonly FrozenDictionary<string, ApiKeyIdentity> _byHash;

    public ApiKeyTable(IOptions<AuthOptions> options)
    {
        _byHash = options.Value.ApiKeys.ToFrozenDictionary(
            key => ApiKeyHash.Of(key.Value.Key),
            key => new ApiKeyIdentity(key.Key, ApiKeyScopes.Parse(key.Value.Scopes, out _)));
    }

    public ApiKeyIdentity? Find(string key) => _byHash.GetValueOrDefault(ApiKeyHash.Of(key));
}
