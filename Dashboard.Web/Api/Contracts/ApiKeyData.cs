using System.Text.Json.Serialization;
using Dashboard.Data.Identity;

namespace Dashboard.Web.Api.Contracts;

/// <summary>A key as admins see it: its prefix, never its secret, except <see cref="Key"/> once, in the answer that made it.</summary>
public sealed record ApiKeyData(
    long Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    public static ApiKeyData From(StoredApiKey key) => new(
        key.Id, key.Name, key.Prefix, key.Scopes.Split(','), key.CreatedBy, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);
}
