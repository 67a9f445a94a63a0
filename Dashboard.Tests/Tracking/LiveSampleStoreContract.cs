using Dashboard.Core.Configuration;
using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Tracking;

/// <summary>What every live sample store must do, run against each of them (in-process, single Redis, Redis Cluster).</summary>
public abstract class LiveSampleStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    protected TrackingOptions Options { get; } = new() { KeyPrefix = $"test-{Guid.NewGuid():N}" };

    /// <summary>An empty store of the kind under test with <see cref="Options"/>.</summary>
    protected abstract Task<ILiveSampleStore> CreateStoreAsync(IOptions<TrackingOptions> options);

    private Task<ILiveSampleStore> NewStoreAsync() => CreateStoreAsync(Microsoft.Extensions.Options.Options.Create(Options));

    [Fact]
    public async Task ReadRange_Overall_GivesEachPollOldestFirstWithSessions()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(Snapshots.At(Start.AddSeconds(10), 7, 9), default);
        await store.AppendAsync(Snapshots.At(Start, 5, 6), default);

        var samples = await store.ReadRangeAsync(HistoryScope.Overall, Start, Start.AddMinutes(1), default);

        Assert.Equal([new LiveSample(Start, 5, 6), new LiveSample(Start.AddSeconds(10), 7, 9)], samples);
    }

    [Fact]
    public async Task ReadRange_ModuleMissingFromAPoll_CountsZeroThere()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(Snapshots.At(Start, 3, modules: [new DimensionCount("tax", 2)]), default);
        await store.AppendAsync(Snapshots.At(Start.AddSeconds(10), 3), default);
        await store.AppendAsync(Snapshots.At(Start.AddSeconds(20), 3, modules: [new DimensionCount("tax", 3)]), default);

        var samples = await store.ReadRangeAsync(HistoryScope.Module("tax"), Start, Start.AddMinutes(1), default);
        var unknown = await store.ReadRangeAsync(HistoryScope.Organization("org-none"), Start, Start.AddMinutes(1), default);

        Assert.Equal([new LiveSample(Start, 2), new LiveSample(Start.AddSeconds(10), 0), new LiveSample(Start.AddSeconds(20), 3)], samples);
        Assert.Equal([0, 0, 0], unknown.Select(sample => sample.Users));
    }

    [Fact]
    public async Task ReadRange_TakesTheStartAndLeavesTheEnd()
    {
        var store = await NewStoreAsync();
        for (var poll = 0; poll < 4; poll++)
        {
            await store.AppendAsync(Snapshots.At(Start.AddSeconds(poll * 10), poll), default);
        }

        var samples = await store.ReadRangeAsync(HistoryScope.Overall, Start.AddSeconds(10), Start.AddSeconds(30), default);

        Assert.Equal([1, 2], samples.Select(sample => sample.Users));
    }

    [Fact]
    public async Task Append_SameSnapshotTwice_StoresItOnce()
    {
        var store = await NewStoreAsync();
        var snapshot = Snapshots.At(Start, 4, 4, [new DimensionCount("tax", 4)], [new DimensionCount("org-1", 4)]);

        await store.AppendAsync(snapshot, default);
        await store.AppendAsync(snapshot, default);

        var samples = await store.ReadAllScopesAsync(Start, Start.AddMinutes(1), default);
        Assert.All(samples.Values, scope => Assert.Single(scope));
    }

    [Fact]
    public async Task Append_SamplesOlderThanAnHour_AreDropped()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(Snapshots.At(Start, 1, modules: [new DimensionCount("old-module", 1)]), default);
        await store.AppendAsync(Snapshots.At(Start.AddMinutes(30), 2), default);

        await store.AppendAsync(Snapshots.At(Start + LiveSample.Retention + TimeSpan.FromSeconds(1), 3), default);

        var samples = await store.ReadAllScopesAsync(Start.AddDays(-1), Start.AddDays(1), default);
        Assert.Equal([HistoryScope.Overall], samples.Keys);
        Assert.Equal([2, 3], samples[HistoryScope.Overall].Select(sample => sample.Users));
    }

    [Fact]
    public async Task ReadAllScopes_GivesEveryScopeSeenInTheRange()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(Snapshots.At(Start.AddMinutes(-5), 1, modules: [new DimensionCount("before", 1)]), default);
        await store.AppendAsync(Snapshots.At(Start, 3, 4, [new DimensionCount("tax", 2)], [new DimensionCount("org:eu:1", 3)]), default);
        await store.AppendAsync(Snapshots.At(Start.AddSeconds(10), 1, 1, [new DimensionCount("payroll", 1)], [new DimensionCount("org:eu:1", 1)]), default);

        var samples = await store.ReadAllScopesAsync(Start, Start.AddMinutes(1), default);

        Assert.Equal(
            new HashSet<HistoryScope> { HistoryScope.Overall, HistoryScope.Module("tax"), HistoryScope.Module("payroll"), HistoryScope.Organization("org:eu:1") },
            samples.Keys.ToHashSet());
        Assert.Equal([new LiveSample(Start, 3, 4), new LiveSample(Start.AddSeconds(10), 1, 1)], samples[HistoryScope.Overall]);
        Assert.Equal([2, 0], samples[HistoryScope.Module("tax")].Select(sample => sample.Users));
        Assert.Equal([0, 1], samples[HistoryScope.Module("payroll")].Select(sample => sample.Users));
        Assert.Equal([3, 1], samples[HistoryScope.Organization("org:eu:1")].Select(sample => sample.Users));
    }

    [Fact]
    public async Task ReadAllScopes_NothingRecorded_GivesAnEmptyOverallSeries()
    {
        var store = await NewStoreAsync();

        var samples = await store.ReadAllScopesAsync(Start, Start.AddMinutes(1), default);

        Assert.Empty(Assert.Single(samples).Value);
    }
}
