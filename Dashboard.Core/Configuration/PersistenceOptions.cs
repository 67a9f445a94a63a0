namespace Dashboard.Core.Configuration;

/// <summary>How accepted activity reaches the user_sessions table (<c>Dashboard:Persistence</c>).</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Dashboard:Persistence";

    /// <summary>A batch is written as soon as it holds this many sessions.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>A session waits at most this long before it is written, however small its batch.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A session still where it was last written is written again only this often: a heartbeat every few seconds
    /// must not become a database write each time. Its row's last activity lags the live store by at most this much,
    /// so it is kept under half the session TTL, after which silent sessions are closed from that column.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Session updates held in memory while the database is slow or down: this many queued, and as many distinct
    /// sessions waiting to be written. Beyond that updates are dropped, counted and logged.
    /// </summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// How far back the minute history rows are rebuilt after the database was down: the samples wait in the live
    /// store meanwhile, which keeps one hour of them (the most this can be). Minutes older than this when the database is
    /// back are dropped and counted.
    /// </summary>
    public TimeSpan HistoryBackfill { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest wait between two attempts while the database is down (the wait doubles from 1 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often sessions silent for longer than the session TTL are closed in the database.</summary>
    public TimeSpan ExpireInterval { get; set; } = TimeSpan.FromMinutes(1);
}
