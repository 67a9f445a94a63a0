namespace Dashboard.Web.Api.Contracts;

/// <summary><c>POST api-keys</c>: who the key acts as, what it may do, and optionally until when.</summary>
public sealed record ApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
