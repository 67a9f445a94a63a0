namespace Dashboard.Core.Leases;

/// <summary>
/// Job leases for the in-process live store. That store lives in one process, so its app is the only instance and
/// holds every lease; this keeps the same contract (expiry, fencing) so the jobs are gated alike on every store.
/// </summary>
public sealed class InProcessJobLease(TimeProvider time) : IJobLease
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (JobLeaseGrant Grant, DateTimeOffset ExpiresAt)> _leases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _tokens = new(StringComparer.Ordinal);

    public Task<JobLeaseGrant?> TryAcquireAsync(string job, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(job, out var lease) && lease.ExpiresAt > now)
            {
                return Task.FromResult<JobLeaseGrant?>(null);
            }

            var token = _tokens[job] = _tokens.GetValueOrDefault(job) + 1;
            var grant = new JobLeaseGrant(job, Guid.NewGuid().ToString("N"), token);
            _leases[job] = (grant, now + duration);
            return Task.FromResult<JobLeaseGrant?>(grant);
        }
    }

    public Task<bool> RenewAsync(JobLeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!IsHeldBy(grant, now))
            {
                return Task.FromResult(false);
            }

            _leases[grant.Job] = (grant, now + duration);
            return Task.FromResult(true);
        }
    }

    public Task<bool> ReleaseAsync(JobLeaseGrant grant, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(IsHeldBy(grant, time.GetUtcNow()) && _leases.Remove(grant.Job));
        }
    }

    private bool IsHeldBy(JobLeaseGrant grant, DateTimeOffset now) =>
        _leases.TryGetValue(grant.Job, out var lease) && lease.Grant.Owner == grant.Owner && lease.ExpiresAt > now;
}
