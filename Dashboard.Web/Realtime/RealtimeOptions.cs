namespace Dashboard.Web.Realtime;

/// <summary>How many server-sent event streams this instance keeps open (<c>Dashboard:Realtime</c>).</summary>
public sealed class RealtimeOptions
{
    public const string SectionName = "Dashboard:Realtime";

    /// <summary>Streams open at once, from every client together; one more is refused with 503 and Retry-After.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Streams open at once from one client address.</summary>
    public int MaxConnectionsPerClient { get; set; } = 20;

    /// <summary>What a refused client is told to wait before it tries again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
