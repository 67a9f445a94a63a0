namespace Dashboard.Cli.Load;

/// <summary>Where a load run stands, reported as it goes.</summary>
internal sealed record LoadProgress(TimeSpan Elapsed, TimeSpan Duration, int UsersStarted, long EventsSent, long EventsAccepted, long FailedRequests);
