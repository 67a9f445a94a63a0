namespace Dashboard.Web.RateLimits;

/// <summary>
/// Whose bucket a request takes from: one per limit and caller. The caller is a key's or a person's name, or a client
/// address (an <see cref="System.Net.IPAddress"/>, compared by value); the kind keeps a key and a person of one name apart.
/// </summary>
public readonly record struct BucketKey(RateLimit Limit, CallerKind Kind, object Caller);

/// <summary>How a caller is known to the rate limiter.</summary>
public enum CallerKind
{
    Key,
    Person,
    Address,
}
