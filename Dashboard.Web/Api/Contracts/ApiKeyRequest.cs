namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// <c>POST api-keys</c>: who the key acts as and optionally until when; for a key for machines (<c>type: api</c>, the
/// default) what it may do; for a site key (<c>type: site</c>) the origins of its pages and whether user ids must be signed.
/// </summary>
public sealed record ApiKeyRequest(
    string? Name,
    IReadOnlyList<string>? Scopes,
    DateTimeOffset? ExpiresAt,
    ApiKeyType? Type = null,
    IReadOnlyList<string>? AllowedOrigins = null,
    bool? RequireSignedUsers = null);
