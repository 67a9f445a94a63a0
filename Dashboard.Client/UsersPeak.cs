namespace Dashboard.Client;

/// <summary>The most concurrent users in a time range and when that was (none when the range holds no history).</summary>
public sealed record UsersPeak(long PeakUsers, DateTimeOffset? PeakAt, DateTimeOffset Start, DateTimeOffset End);
