namespace Dashboard.Web.RateLimits;

/// <summary>Which of <see cref="RateLimitOptions"/>' buckets a request takes its tokens from.</summary>
public enum RateLimit
{
    Ingest,
    Beacon,
    Read,
    SignIn,
}
