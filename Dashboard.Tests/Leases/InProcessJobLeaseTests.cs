using Dashboard.Core.Leases;

namespace Dashboard.Tests.Leases;

public sealed class InProcessJobLeaseTests : JobLeaseContract
{
    protected override Task<IJobLease> CreateAsync() => Task.FromResult<IJobLease>(new InProcessJobLease(TimeProvider.System));
}
