using System.Threading.RateLimiting;
using Dashboard.Web.Auth;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.RateLimits;

/// <summary>
/// The app's one rate limiter: the rate limiting middleware's global limiter, and what a batch takes its further
/// tokens from (one per activity), so a request and a batch of a thousand do not cost the same.
/// </summary>
public sealed class DashboardRateLimiter : IDisposable
{
    private static readonly object UnknownAddress = "unknown";
    private readonly RateLimitOptions _options;

    public DashboardRateLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, BucketKey>(context => BucketOf(context) is { } key
            ? RateLimitPartition.GetTokenBucketLimiter(key, CreateBucket)
            : RateLimitPartition.GetNoLimiter(default(BucketKey)));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>The limit that applies to a request, from its endpoint's <see cref="RateLimitedAttribute"/>; none for the rest.</summary>
    public static RateLimit? LimitOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>() is { } limited
        && (limited.Limit != RateLimit.SignIn || HttpMethods.IsPost(context.Request.Method))
            ? limited.Limit
            : null;

    /// <summary>Takes <paramref name="tokens"/> more from the request's bucket; false (with when to retry) when it has not that many.</summary>
    public bool TryTake(HttpContext context, int tokens, out TimeSpan retryAfter)
    {
        using var lease = Limiter.AttemptAcquire(context, tokens);
        retryAfter = RetryAfter(lease, LimitOf(context));
        return lease.IsAcquired;
    }

    /// <summary>When a refused caller has tokens again: the bucket's answer, else one period.</summary>
    public TimeSpan RetryAfter(RateLimitLease lease, RateLimit? limit) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : _options.For(limit ?? RateLimit.Read).Period;

    public void Dispose() => Limiter.Dispose();

    private static BucketKey? BucketOf(HttpContext context)
    {
        if (LimitOf(context) is not { } limit)
        {
            return null;
        }

        var user = context.User.Identity;
        // Beacons and sign-in name nobody who could be trusted (a site key is public): their caller is the address.
        if (limit is RateLimit.Beacon or RateLimit.SignIn || user is not { IsAuthenticated: true, Name: { } name })
        {
            return new BucketKey(limit, CallerKind.Address, (object?)context.Connection.RemoteIpAddress ?? UnknownAddress);
        }

        return new BucketKey(limit, user.AuthenticationType == AuthSchemes.ApiKey ? CallerKind.Key : CallerKind.Person, name);
    }

    private TokenBucketRateLimiterOptions CreateBucket(BucketKey key)
    {
        var bucket = _options.For(key.Limit);
        // Not auto-replenishing: the partitioned limiter's own timer refills every bucket, instead of a timer per bucket.
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.Burst,
            TokensPerPeriod = bucket.Tokens,
            ReplenishmentPeriod = bucket.Period,
            QueueLimit = 0,
            AutoReplenishment = false,
        };
    }
}
