namespace Dashboard.Core.Leases;

/// <summary>
/// One holding of a job's lease. <paramref name="Owner"/> is random for every acquisition, so a holder whose lease
/// expired and passed to another cannot renew or release the new holder's; <paramref name="Token"/> grows with every
/// acquisition of the job (a fencing token: a later holder always has a larger one).
/// </summary>
public sealed record JobLeaseGrant(string Job, string Owner, long Token);
