namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Limits no test reaches (a test of the limits sets its own over these): the tests send thousands of calls a second
/// with one key from one address. Sign-in keeps its default, which its own test checks.
/// </summary>
internal static class TestRateLimits
{
    public static readonly IReadOnlyDictionary<string, string> Generous = new Dictionary<string, string>
    {
        ["Dashboard:RateLimits:Ingest:Tokens"] = "10000000",
        ["Dashboard:RateLimits:Ingest:Burst"] = "10000000",
        ["Dashboard:RateLimits:Beacon:Tokens"] = "1000000",
        ["Dashboard:RateLimits:Beacon:Burst"] = "1000000",
        ["Dashboard:RateLimits:Read:Tokens"] = "1000000",
        ["Dashboard:RateLimits:Read:Burst"] = "1000000",
    };
}
