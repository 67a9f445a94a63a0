namespace Dashboard.Web.RateLimits;

/// <summary>Endpoint metadata: the requests of this endpoint (or page) are limited by <see cref="Limit"/>'s bucket.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RateLimitedAttribute(RateLimit limit) : Attribute
{
    public RateLimit Limit { get; } = limit;
}
