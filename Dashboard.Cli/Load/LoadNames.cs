using System.Globalization;

namespace Dashboard.Cli.Load;

/// <summary>The made-up modules, organizations, browsers and addresses a load run's users have.</summary>
internal static class LoadNames
{
    private static readonly string[] KnownModules =
        ["accounting", "invoicing", "payroll", "reports", "inventory", "crm", "tax", "banking", "procurement", "budgeting"];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    ];

    /// <summary>The most popular module first, as the Zipf sampler ranks them.</summary>
    public static string Module(int rank) =>
        rank < KnownModules.Length ? KnownModules[rank] : $"module-{(rank + 1).ToString(CultureInfo.InvariantCulture)}";

    public static string Organization(int rank) => $"load-org-{(rank + 1).ToString(CultureInfo.InvariantCulture)}";

    public static string UserAgent(Random random) => UserAgents[random.Next(UserAgents.Length)];

    // Addresses from TEST-NET-3 (RFC 5737), reserved for documentation: recorded as data, never contacted.
    public static string IpAddress(int index) => $"203.0.113.{((index % 254) + 1).ToString(CultureInfo.InvariantCulture)}";
}
