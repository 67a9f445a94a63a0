namespace Dashboard.Web.Live;

/// <summary>The session update queue at a poll: updates dropped since start, and whether it is dropping them now.</summary>
public sealed record SessionQueueState(long Dropped, bool IsDropping);
