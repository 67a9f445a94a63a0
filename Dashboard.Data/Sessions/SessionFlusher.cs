using Dashboard.Core.Configuration;
using Dashboard.Core.Leases;
using Dashboard.Core.Persistence;
using Dashboard.Core.Tracking;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.Sessions;

/// <summary>
/// Writes the sessions the track path queued: coalesced by session id, in batches of up to BatchSize rows, each
/// session at most FlushInterval after it arrived; and, on the instance holding the sessions lease, closes sessions
/// silent for longer than the session TTL.
/// A heartbeat that changes nothing but the time is written only when the session's row is RefreshInterval old, so
/// the database sees a session about once a minute, not at every heartbeat.
/// While the database is down it keeps what it holds (up to QueueCapacity sessions, after which the queue drops and
/// counts, refreshes first) and retries with a doubling delay, so a database restart loses nothing.
/// </summary>
public sealed partial class SessionFlusher : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly SessionUpdateQueue _queue;
    private readonly SessionWriter _writer;
    private readonly PersistenceOptions _options;
    private readonly TimeSpan _sessionTtl;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionFlusher> _logger;
    private readonly OutageLog _outages;
    private readonly JobLeases _leases;
    private readonly TimeSpan _refreshInterval;
    private readonly OrderedDictionary<string, PendingSession> _pending = new(StringComparer.Ordinal);

    // The loop and the last flush at stop (which the host may also call twice) take turns with what is pending.
    private readonly SemaphoreSlim _turn = new(1, 1);

    // What this instance last wrote of each live session: a heartbeat that matches it needs no write until it ages.
    private readonly Dictionary<string, UserSession> _written = new(StringComparer.Ordinal);
    private DateTimeOffset _nextClose = DateTimeOffset.MinValue;
    private int _pendingCount;
    private long _writtenCount;
    private long _failedAttempts;
    private long _discarded;

    public SessionFlusher(
        SessionUpdateQueue queue,
        IDbContextFactory<HistoryDbContext> contexts,
        IOptions<PersistenceOptions> persistence,
        IOptions<TrackingOptions> tracking,
        JobLeases leases,
        TimeProvider time,
        OutageLog outages,
        ILogger<SessionFlusher> logger)
    {
        _queue = queue;
        _writer = new SessionWriter(contexts);
        _options = persistence.Value;
        _sessionTtl = tracking.Value.SessionTtl;
        _refreshInterval = _options.RefreshInterval < _sessionTtl / 2 ? _options.RefreshInterval : _sessionTtl / 2;
        _time = time;
        _logger = logger;
        _outages = outages;
        _leases = leases;
    }

    /// <summary>Distinct sessions taken from the queue and not yet written.</summary>
    public int PendingCount => Volatile.Read(ref _pendingCount);

    /// <summary>Session rows written since start.</summary>
    public long Written => Interlocked.Read(ref _writtenCount);

    /// <summary>Writes that failed because the database was unavailable, and were retried.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Sessions set aside because the database refused their row for a reason retrying cannot fix.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // The loop has ended: one last attempt at everything still held, within the host's shutdown time.
        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Drain(int.MaxValue);
                while (_pending.Count > 0)
                {
                    await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _turn.Release();
            }
        }
        catch (Exception exception) when (DatabaseErrors.IsTransient(exception) || exception is OperationCanceledException)
        {
            LogLostAtShutdown(_logger, exception, _pending.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.Zero;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await _turn.WaitAsync(stoppingToken).ConfigureAwait(false);
                    try
                    {
                        Drain(_options.QueueCapacity);
                        await WriteWhatIsDueAsync(stoppingToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _turn.Release();
                    }

                    if (retryDelay > TimeSpan.Zero)
                    {
                        _outages.Succeeded(StoreUnavailableException.HistoryDatabase);
                        LogRecovered(_logger, _pending.Count);
                        retryDelay = TimeSpan.Zero;
                    }

                    await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (DatabaseErrors.IsTransient(exception) && !stoppingToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failedAttempts);
                    retryDelay = retryDelay == TimeSpan.Zero
                        ? FirstRetryDelay
                        : TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                    _outages.Failed(StoreUnavailableException.HistoryDatabase, exception);
                    LogRetrying(_logger, _pending.Count, retryDelay);
                    await Task.Delay(retryDelay, _time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    private async Task WriteWhatIsDueAsync(CancellationToken cancellationToken)
    {
        while (_pending.Count >= _options.BatchSize || (_pending.Count > 0 && IsDue(_pending.GetAt(0).Value)))
        {
            await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
            Drain(_options.QueueCapacity);
        }

        var now = _time.GetUtcNow();
        if (now >= _nextClose)
        {
            var closed = await _leases.HoldAsync(JobNames.SessionClosing, cancellationToken).ConfigureAwait(false)
                ? await _writer.CloseSilentAsync(now - _sessionTtl, cancellationToken).ConfigureAwait(false)
                : 0;
            foreach (var silent in _written.Where(entry => entry.Value.LastActivityAt < now - _sessionTtl).Select(entry => entry.Key).ToList())
            {
                _written.Remove(silent);
                _queue.ForgetWritten(silent);
            }

            _nextClose = now + _options.ExpireInterval;
            if (closed > 0)
            {
                LogClosed(_logger, closed, _sessionTtl);
            }
        }
    }

    // The oldest sessions first, so none waits longer than the flush interval.
    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        // Sorted, so instances writing the same sessions lock their rows in one order and never deadlock.
        List<UserSession> rows = [.. Enumerable.Range(0, Math.Min(_options.BatchSize, _pending.Count))
            .Select(index => _pending.GetAt(index).Value.ToRow())
            .OrderBy(row => row.SessionId, StringComparer.Ordinal)];
        await WriteOrSetAsideAsync(rows, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _pendingCount, _pending.Count);
    }

    // A batch the database refuses for what one row holds is halved until that row stands alone: only it is set aside,
    // its neighbours are written. A database that is down is no row's fault: that goes up to the retry loop.
    private async Task WriteOrSetAsideAsync(List<UserSession> rows, CancellationToken cancellationToken)
    {
        try
        {
            await _writer.UpsertAsync(rows, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _writtenCount, rows.Count);
            RememberWritten(rows);
        }
        catch (Exception exception) when (!DatabaseErrors.IsTransient(exception) && exception is not OperationCanceledException)
        {
            if (rows.Count > 1)
            {
                var half = rows.Count / 2;
                await WriteOrSetAsideAsync(rows[..half], cancellationToken).ConfigureAwait(false);
                await WriteOrSetAsideAsync(rows[half..], cancellationToken).ConfigureAwait(false);
                return;
            }

            Interlocked.Increment(ref _discarded);
            LogSetAside(_logger, exception, rows[0].SessionId);
        }

        foreach (var row in rows)
        {
            _pending.Remove(row.SessionId);
        }
    }

    private void RememberWritten(IEnumerable<UserSession> rows)
    {
        foreach (var row in rows)
        {
            if (row.IsActive)
            {
                _written[row.SessionId] = row;
                _queue.RememberWritten(row.SessionId);
            }
            else
            {
                _written.Remove(row.SessionId);
                _queue.ForgetWritten(row.SessionId);
            }
        }
    }

    private void Drain(int capacity)
    {
        while (_pending.Count < capacity && _queue.Reader.TryRead(out var update))
        {
            if (_pending.TryGetValue(update.Activity.SessionId, out var session))
            {
                session.Apply(update);
            }
            else if (!IsWrittenRecently(update))
            {
                _pending.Add(update.Activity.SessionId, PendingSession.From(update));
            }
        }

        Volatile.Write(ref _pendingCount, _pending.Count);
    }

    private bool IsWrittenRecently(SessionUpdate update)
    {
        var activity = update.Activity;
        return activity.IsActive
            && _written.TryGetValue(activity.SessionId, out var row)
            && update.At - row.LastActivityAt < _refreshInterval
            && row.UserId == activity.UserId && row.ModuleId == activity.ModuleId && row.OrganizationId == activity.OrganizationId
            && row.UserAgent == activity.UserAgent && row.IpAddress == activity.IpAddress;
    }

    private bool IsDue(PendingSession session) => _time.GetUtcNow() - session.QueuedAt >= _options.FlushInterval;

    // Until more updates arrive (unless no more fit), the oldest held session is due, or silent sessions are to close.
    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var wakeAt = _nextClose;
        if (_pending.Count > 0)
        {
            var due = _pending.GetAt(0).Value.QueuedAt + _options.FlushInterval;
            wakeAt = due < wakeAt ? due : wakeAt;
        }

        var delay = wakeAt - _time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, _time, wake.Token);
        var arrival = _pending.Count < _options.QueueCapacity
            ? _queue.Reader.WaitToReadAsync(wake.Token).AsTask()
            : Task.Delay(Timeout.InfiniteTimeSpan, wake.Token);
        await Task.WhenAny(timer, arrival).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "The history database is unavailable; holding {Pending} sessions and retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int pending, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "The history database is back; {Pending} sessions still to write")]
    private static partial void LogRecovered(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Closed} sessions silent for longer than {SessionTtl}")]
    private static partial void LogClosed(ILogger logger, int closed, TimeSpan sessionTtl);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The history database refused session {SessionId}; it is set aside, not written")]
    private static partial void LogSetAside(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Stopping with the history database unavailable: {Count} sessions are not written")]
    private static partial void LogLostAtShutdown(ILogger logger, Exception exception, int count);
}
