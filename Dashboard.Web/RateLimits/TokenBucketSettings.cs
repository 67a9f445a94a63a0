namespace Dashboard.Web.RateLimits;

/// <summary>One limit's token bucket: <see cref="Tokens"/> come back every <see cref="Period"/>, up to <see cref="Burst"/> saved.</summary>
public sealed class TokenBucketSettings
{
    /// <summary>Tokens added each period: one per request, one per activity of a batch.</summary>
    public int Tokens { get; set; }

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bucket's size: how much a caller that was quiet may send at once.</summary>
    public int Burst { get; set; }
}
