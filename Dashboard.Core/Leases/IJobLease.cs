namespace Dashboard.Core.Leases;

/// <summary>
/// Leases on jobs that must run on one instance of the cluster at a time. A lease expires by itself after its
/// duration unless its holder renews it, so a holder that dies hands the job over.
/// </summary>
public interface IJobLease
{
    /// <summary>Takes the job's lease when nobody holds it; null when another holder does.</summary>
    Task<JobLeaseGrant?> TryAcquireAsync(string job, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends a lease this grant still holds; false when it expired or another holder took it since.</summary>
    Task<bool> RenewAsync(JobLeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up, so another instance takes it at once; false when the grant no longer held it.</summary>
    Task<bool> ReleaseAsync(JobLeaseGrant grant, CancellationToken cancellationToken);
}
