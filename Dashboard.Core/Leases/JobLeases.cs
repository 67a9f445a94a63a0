using Dashboard.Core.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Leases;

/// <summary>
/// The job leases this instance holds. A job asks <see cref="HoldAsync"/> before each run: a lease confirmed less
/// than a renew interval ago answers at once, otherwise it is renewed or, when free, taken. The keeper renews held
/// leases every renew interval between runs and releases them at shutdown.
/// </summary>
public sealed partial class JobLeases(IJobLease store, IOptions<LeaseOptions> options, TimeProvider time, ILogger<JobLeases> logger)
    : IDisposable
{
    private readonly LeaseOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedDictionary<string, (JobLeaseGrant Grant, DateTimeOffset ConfirmedAt)> _held = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _names = [];

    /// <summary>The jobs whose lease this instance holds, by name.</summary>
    public IReadOnlyList<string> Held => Volatile.Read(ref _names);

    /// <summary>Whether this instance holds the job's lease now (taking it when it is free), so runs the job.</summary>
    public async Task<bool> HoldAsync(string job, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (_held.TryGetValue(job, out var held) && time.GetUtcNow() - held.ConfirmedAt < _options.RenewInterval)
                || await RefreshAsync(job, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Renews every lease held, so a job that runs rarely keeps its instance.</summary>
    public async Task RenewHeldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var job in _held.Keys.ToList())
            {
                await RefreshAsync(job, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives up every lease held, so other instances take the jobs over without waiting for them to expire.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (job, held) in _held.ToList())
            {
                Forget(job);
                try
                {
                    await store.ReleaseAsync(held.Grant, cancellationToken).ConfigureAwait(false);
                    LogReleased(logger, job);
                }
                catch (Exception exception) when (exception is StoreUnavailableException or OperationCanceledException)
                {
                    LogNotReleased(logger, job, exception.Message);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    // A lease the store cannot confirm is let go: the store may expire it and give it to another meanwhile.
    private async Task<bool> RefreshAsync(string job, CancellationToken cancellationToken)
    {
        try
        {
            if (_held.TryGetValue(job, out var held))
            {
                if (await store.RenewAsync(held.Grant, _options.Duration, cancellationToken).ConfigureAwait(false))
                {
                    _held[job] = (held.Grant, time.GetUtcNow());
                    return true;
                }

                Forget(job);
                LogLost(logger, job, held.Grant.Token);
            }

            if (await store.TryAcquireAsync(job, _options.Duration, cancellationToken).ConfigureAwait(false) is not { } grant)
            {
                return false;
            }

            _held[job] = (grant, time.GetUtcNow());
            Volatile.Write(ref _names, [.. _held.Keys]);
            LogAcquired(logger, job, grant.Token);
            return true;
        }
        catch (StoreUnavailableException exception)
        {
            if (_held.TryGetValue(job, out var held))
            {
                Forget(job);
                LogLost(logger, job, held.Grant.Token);
            }

            LogUnavailable(logger, job, exception.Message);
            return false;
        }
    }

    private void Forget(string job)
    {
        _held.Remove(job);
        Volatile.Write(ref _names, [.. _held.Keys]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Acquired the lease of job {Job} (fencing token {Token}): this instance runs it")]
    private static partial void LogAcquired(ILogger logger, string job, long token);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of job {Job} (fencing token {Token}): this instance no longer runs it")]
    private static partial void LogLost(ILogger logger, string job, long token);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released the lease of job {Job}")]
    private static partial void LogReleased(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lease of job {Job}; it expires by itself: {Reason}")]
    private static partial void LogNotReleased(ILogger logger, string job, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The lease store is unavailable; job {Job} waits: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string job, string reason);
}
