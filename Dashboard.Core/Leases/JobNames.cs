namespace Dashboard.Core.Leases;

/// <summary>The jobs that run once per cluster, each on the instance that holds its lease.</summary>
public static class JobNames
{
    /// <summary>The 10-second samples, the minute history rows, their hourly roll-ups and the performance minutes.</summary>
    public const string History = "history";

    /// <summary>Alert evaluation and the webhook deliveries of the alerts it fires and resolves.</summary>
    public const string Alerts = "alerts";

    /// <summary>Deleting history past its retention.</summary>
    public const string Retention = "retention";

    /// <summary>Closing session rows that have been silent for longer than the session TTL.</summary>
    public const string SessionClosing = "sessions";

    /// <summary>Every job above, for whoever reports on all of them (the lease gauge of /metrics).</summary>
    public static readonly IReadOnlyList<string> All = [History, Alerts, Retention, SessionClosing];
}
