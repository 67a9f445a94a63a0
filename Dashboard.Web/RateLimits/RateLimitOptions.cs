namespace Dashboard.Web.RateLimits;

/// <summary>
/// The limits of <c>Dashboard:RateLimits</c>, one token bucket per caller: per key for keyed traffic, per client address
/// for beacons, sign-in and anonymous calls. The defaults are what a real platform can live with.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Dashboard:RateLimits";

    /// <summary><c>/track</c> and <c>/track/batch</c>, per ingest key; a batch takes a token per activity.</summary>
    public TokenBucketSettings Ingest { get; set; } = new() { Tokens = 5_000, Burst = 20_000 };

    /// <summary><c>/beacon</c>, per client address (a site key is public, so it names nobody).</summary>
    public TokenBucketSettings Beacon { get; set; } = new() { Tokens = 10, Burst = 20 };

    /// <summary>The API's other calls, per key or signed-in person, per client address when anonymous.</summary>
    public TokenBucketSettings Read { get; set; } = new() { Tokens = 50, Burst = 100 };

    /// <summary>Form posts to <c>/login</c>, per client address.</summary>
    public TokenBucketSettings SignIn { get; set; } = new() { Tokens = 10, Period = TimeSpan.FromMinutes(1), Burst = 10 };

    public IEnumerable<(RateLimit Limit, TokenBucketSettings Bucket)> All =>
        [(RateLimit.Ingest, Ingest), (RateLimit.Beacon, Beacon), (RateLimit.Read, Read), (RateLimit.SignIn, SignIn)];

    public TokenBucketSettings For(RateLimit limit) => limit switch
    {
        RateLimit.Ingest => Ingest,
        RateLimit.Beacon => Beacon,
        RateLimit.SignIn => SignIn,
        _ => Read,
    };
}
