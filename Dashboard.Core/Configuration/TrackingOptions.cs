namespace Dashboard.Core.Configuration;

/// <summary>How "concurrent" is measured and how often the live store is read and tidied (<c>Dashboard:Tracking</c>).</summary>
public sealed class TrackingOptions
{
    public const string SectionName = "Dashboard:Tracking";

    /// <summary>A user counts while any of their sessions was active this recently.</summary>
    public TimeSpan ActivityWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A session with no activity for this long is forgotten.</summary>
    public TimeSpan SessionTtl { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many of the most active organizations every poll ranks (and history keeps per organization).</summary>
    public int TopOrganizations { get; set; } = 100;

    /// <summary>
    /// How many distinct modules are counted by name; activity for a module past them is counted under
    /// <see cref="Tracking.ModuleBound.Other"/>. The first modules seen take the places (across instances on Redis).
    /// </summary>
    public int MaxModules { get; set; } = 200;

    /// <summary>The platform's modules, when known: activity for any other module counts under "other". Empty: no list.</summary>
    public IReadOnlyList<string> Modules { get; set; } = [];

    /// <summary>How many Redis hash slots users are spread over; changing it orphans live data for one session TTL.</summary>
    public int Shards { get; set; } = 16;

    /// <summary>Prefix of every Redis key, so several dashboards (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "cu";
}
