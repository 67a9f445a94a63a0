namespace Dashboard.Tests.Infrastructure;

/// <summary>What every test app runs with, under what a test sets itself.</summary>
internal static class TestAppSettings
{
    public static readonly IReadOnlyDictionary<string, string> Common = new Dictionary<string, string>
    {
        // Limits no test reaches (a test of the limits sets its own): the tests send thousands of calls a second with
        // one key from one address. Sign-in keeps its default, which its own test checks.
        ["Dashboard:RateLimits:Ingest:Tokens"] = "10000000",
        ["Dashboard:RateLimits:Ingest:Burst"] = "10000000",
        ["Dashboard:RateLimits:Beacon:Tokens"] = "1000000",
        ["Dashboard:RateLimits:Beacon:Burst"] = "1000000",
        ["Dashboard:RateLimits:Read:Tokens"] = "1000000",
        ["Dashboard:RateLimits:Read:Burst"] = "1000000",

        // Test apps serve plain http on loopback, as an instance behind a TLS-ending balancer does (a test of HSTS sets false).
        ["Dashboard:ForwardedHeaders:TlsEndsAtProxy"] = "true",
    };
}
