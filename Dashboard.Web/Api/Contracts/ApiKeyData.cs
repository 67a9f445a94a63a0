using System.Text.Json.Serialization;
using Dashboard.Data.Identity;

namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// A key as admins see it: its prefix, never its secret, except <see cref="Key"/> (and a site key's
/// <see cref="SigningSecret"/>) once, in the answer that made it.
/// </summary>
public sealed record ApiKeyData(
    long Id,
    string Name,
    ApiKeyType Type,
    string Prefix,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> AllowedOrigins,
    bool RequireSignedUsers,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SigningSecret { get; init; }

    public static ApiKeyData From(StoredApiKey key) => new(
        key.Id,
        key.Name,
        key.AllowedOrigins is null ? ApiKeyType.Api : ApiKeyType.Site,
        key.Prefix,
        key.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries),
        (key.AllowedOrigins ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        key.SigningSecret is not null,
        key.CreatedBy,
        key.CreatedAt,
        key.ExpiresAt,
        key.LastUsedAt,
        key.RevokedAt);
}
