using Dashboard.Core.Tracking;

namespace Dashboard.Core.Persistence;

/// <summary>One accepted activity on its way to the user_sessions table, stamped with the server time it arrived.</summary>
public sealed record SessionUpdate(ActivityEvent Activity, DateTimeOffset At);
