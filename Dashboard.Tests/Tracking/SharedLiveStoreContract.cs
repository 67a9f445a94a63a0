using Dashboard.Core.Tracking;

namespace Dashboard.Tests.Tracking;

/// <summary>
/// What a live store shared by several dashboard instances must do besides the contract: each instance polls on its
/// own, and every poll is exact whichever instance recorded what.
/// </summary>
public abstract class SharedLiveStoreContract : LiveStoreContract
{
    [Fact]
    public async Task Snapshot_TwoInstancesRecordingAndPollingInTurn_AreBothExact()
    {
        Options.TopOrganizations = 2;
        var first = await CreateStoreAsync(Microsoft.Extensions.Options.Options.Create(Options), Time);
        var second = await CreateStoreAsync(Microsoft.Extensions.Options.Options.Create(Options), Time);

        await first.RecordAsync([Activity.Of("u1", "s1", "tax", "org-a"), Activity.Of("u2", "s2", "tax", "org-a")], default);
        await first.ReadSnapshotAsync(default);
        await second.RecordAsync([Activity.Of("u3", "s3", "tax", "org-b"), Activity.Of("u2", "s2", "tax", "org-a", active: false)], default);
        var fromSecond = await second.ReadSnapshotAsync(default);
        await first.RecordAsync([Activity.Of("u4", "s4", "tax", "org-c"), Activity.Of("u5", "s5", "tax", "org-c")], default);
        var fromFirst = await first.ReadSnapshotAsync(default);
        var again = await second.ReadSnapshotAsync(default);

        Assert.Equal([new("org-a", 1), new DimensionCount("org-b", 1)], fromSecond.Organizations);
        Assert.Equal([new("org-c", 2), new DimensionCount("org-a", 1)], fromFirst.Organizations);
        Assert.Equal(3, fromFirst.ActiveOrganizations);
        Assert.Equal(fromFirst.Organizations, again.Organizations);
        Assert.Equal(4, again.ConcurrentUsers);
    }

    [Fact]
    public async Task AdmitModules_SharedByInstances_AdmitsNoMoreThanTheBoundBetweenThem()
    {
        var first = await CreateStoreAsync(Microsoft.Extensions.Options.Options.Create(Options), Time);
        var second = await CreateStoreAsync(Microsoft.Extensions.Options.Options.Create(Options), Time);

        var fromFirst = await first.AdmitModulesAsync(["a", "b"], 3, default);
        var fromSecond = await second.AdmitModulesAsync(["c", "d", "a"], 3, default);

        Assert.Equal(["a", "b"], fromFirst);
        Assert.Equal(["c", "a"], fromSecond);
    }
}
