using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Tracking;

/// <summary>
/// Logs a store's outage as an operator wants to read it, whoever meets it (poller, health checks, flusher, API):
/// one error with the exception when it starts, one reminder a minute at most while it lasts, one line when it ends.
/// Every other failure in between goes to Debug, so a minute-long outage is a few lines, not thousands.
/// </summary>
public sealed partial class OutageLog(TimeProvider time, ILogger<OutageLog> logger)
{
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Outage> _outages = new(StringComparer.Ordinal);

    // Read without the lock on every success, the common path: most of the time nothing is down.
    private volatile int _count;

    /// <summary>A call to <paramref name="store"/> failed because the store is unavailable.</summary>
    public void Failed(string store, Exception exception)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_outages.TryGetValue(store, out var outage))
            {
                _outages[store] = new Outage(now, now);
                _count = _outages.Count;
                LogStarted(logger, exception, store);
                return;
            }

            if (now - outage.RemindedAt >= ReminderInterval)
            {
                _outages[store] = outage with { RemindedAt = now };
                var duration = now - outage.Since;
                LogContinues(logger, store, duration, exception.Message);
                return;
            }
        }

        LogFailedAgain(logger, store, exception.Message);
    }

    /// <summary>A call to <paramref name="store"/> succeeded: ends its outage, if it had one.</summary>
    public void Succeeded(string store)
    {
        if (_count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_outages.Remove(store, out var outage))
            {
                _count = _outages.Count;
                var duration = time.GetUtcNow() - outage.Since;
                LogEnded(logger, store, duration);
            }
        }
    }

    private readonly record struct Outage(DateTimeOffset Since, DateTimeOffset RemindedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Store} is unavailable; callers get 503s and banners until it is back")]
    private static partial void LogStarted(ILogger logger, Exception exception, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Store} is still unavailable after {Duration}: {Reason}")]
    private static partial void LogContinues(ILogger logger, string store, TimeSpan duration, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Store} is still unavailable: {Reason}")]
    private static partial void LogFailedAgain(ILogger logger, string store, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Store} is back after {Duration}")]
    private static partial void LogEnded(ILogger logger, string store, TimeSpan duration);
}
