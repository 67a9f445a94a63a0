using System.Diagnostics;
using Dashboard.Core.Leases;

namespace Dashboard.Tests.Leases;

/// <summary>
/// What every job lease store promises: one holder at a time; a lease not renewed passes to another within two lease
/// periods with a larger fencing token; a holder whose lease passed on can neither renew nor release the new one's.
/// Runs on the real clock (Redis expires keys on its own), with short leases.
/// </summary>
public abstract class JobLeaseContract
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    private readonly string _job = $"job-{Guid.NewGuid():N}";

    protected abstract Task<IJobLease> CreateAsync();

    [Fact]
    public async Task TryAcquire_WhileHeld_IsRefused()
    {
        var leases = await CreateAsync();
        Assert.NotNull(await leases.TryAcquireAsync(_job, Long, default));

        Assert.Null(await leases.TryAcquireAsync(_job, Long, default));
    }

    [Fact]
    public async Task TryAcquire_LeaseNotRenewed_PassesWithinTwoPeriodsWithALargerToken()
    {
        var leases = await CreateAsync();
        var first = (await leases.TryAcquireAsync(_job, Short, default))!;

        var clock = Stopwatch.StartNew();
        var second = await AcquireWhenFreeAsync(leases);

        Assert.True(clock.Elapsed < 2 * Short, $"taken over after {clock.Elapsed}");
        Assert.NotEqual(first.Owner, second.Owner);
        Assert.True(second.Token > first.Token, $"token {second.Token} after {first.Token}");
    }

    [Fact]
    public async Task RenewAndRelease_ByAHolderWhoseLeasePassedOn_AreRefusedAndLeaveTheNewHolder()
    {
        var leases = await CreateAsync();
        var stale = (await leases.TryAcquireAsync(_job, Short, default))!;
        var current = await AcquireWhenFreeAsync(leases);

        Assert.False(await leases.RenewAsync(stale, Long, default));
        Assert.False(await leases.ReleaseAsync(stale, default));
        Assert.True(await leases.RenewAsync(current, Long, default));
        Assert.Null(await leases.TryAcquireAsync(_job, Long, default));
    }

    [Fact]
    public async Task Release_ByTheHolder_FreesTheLeaseAtOnce()
    {
        var leases = await CreateAsync();
        var grant = (await leases.TryAcquireAsync(_job, Long, default))!;

        Assert.True(await leases.ReleaseAsync(grant, default));

        Assert.NotNull(await leases.TryAcquireAsync(_job, Long, default));
    }

    [Fact]
    public async Task Renew_ByTheHolder_KeepsOthersOut()
    {
        var leases = await CreateAsync();
        var grant = (await leases.TryAcquireAsync(_job, Short, default))!;

        Assert.True(await leases.RenewAsync(grant, Long, default));

        // Past the first, short duration the renewed lease still holds.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < 2 * Short)
        {
            Assert.Null(await leases.TryAcquireAsync(_job, Long, default));
            await Task.Yield();
        }
    }

    private async Task<JobLeaseGrant> AcquireWhenFreeAsync(IJobLease leases)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < 10 * Short)
        {
            if (await leases.TryAcquireAsync(_job, Long, default) is { } grant)
            {
                return grant;
            }

            await Task.Yield();
        }

        throw new Xunit.Sdk.XunitException($"The lease of {_job} was still held after {clock.Elapsed}.");
    }
}
