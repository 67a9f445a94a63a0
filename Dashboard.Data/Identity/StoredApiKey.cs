namespace Dashboard.Data.Identity;

/// <summary>A key an admin made: only the SHA-256 of its secret is stored, with a prefix people can recognise it by.</summary>
public sealed class StoredApiKey
{
    public long Id { get; set; }

    /// <summary>Who the key acts as, e.g. in <c>acknowledged_by</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The key's first characters, shown in lists so a person can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>The SHA-256 of the key, in lower-case hex.</summary>
    public required string Hash { get; set; }

    /// <summary>Comma-separated: <c>ingest</c>, <c>read</c>, <c>admin</c>; empty for a site key.</summary>
    public required string Scopes { get; set; }

    /// <summary>
    /// For a site key (public, embedded in pages, it only sends beacons): the origins its pages may be served from,
    /// comma-separated (<c>https://app.example.com</c>); null for a key for machines.
    /// </summary>
    public string? AllowedOrigins { get; set; }

    /// <summary>
    /// For a site key whose pages must prove who their user is: the secret the platform's server signs user ids with
    /// (HMAC-SHA256). Kept as it is, not hashed, because checking a signature needs it; shown once, when it is made.
    /// </summary>
    public string? SigningSecret { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When a request last used it, written in batches (not on the hot path).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
