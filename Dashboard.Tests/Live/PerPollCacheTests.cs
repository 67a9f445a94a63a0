using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Live;

namespace Dashboard.Tests.Live;

public sealed class PerPollCacheTests
{
    private static readonly DateTimeOffset FirstPoll = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly MetricsHub _hub = new();
    private readonly PerPollCache _cache;
    private int _reads;

    public PerPollCacheTests()
    {
        _hub.Publish(new PollResult(null, FirstPoll, null));
        _cache = new PerPollCache(_hub);
    }

    [Fact]
    public async Task GetAsync_TwoCallersAtOnce_ReadOnce()
    {
        // Each read waits (up to a second) for another read of the same key to start: one that does is the defect.
        using var secondRead = new Barrier(2);
        Task<int> Read()
        {
            Interlocked.Increment(ref _reads);
            secondRead.SignalAndWait(TimeSpan.FromSeconds(1));
            return Task.FromResult(42);
        }

        var results = await Task.WhenAll(Task.Run(() => _cache.GetAsync("key", Read)), Task.Run(() => _cache.GetAsync("key", Read)));

        Assert.Equal([42, 42], results);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_ManyCallersDuringOneRead_AllGetItsResult()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> Read()
        {
            Interlocked.Increment(ref _reads);
            return gate.Task;
        }

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => _cache.GetAsync("key", Read))).ToArray();
        await Eventually.HoldsAsync(() => Volatile.Read(ref _reads) == 1, "the first read started");
        gate.SetResult(7);

        Assert.All(await Task.WhenAll(callers), result => Assert.Equal(7, result));
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterTheNextPoll_ReadsAgain()
    {
        await _cache.GetAsync("key", CountedRead);

        _hub.Publish(new PollResult(null, FirstPoll.AddSeconds(5), null));
        await _cache.GetAsync("key", CountedRead);

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetAsync_ReadFailed_NextCallerReadsAgain()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _cache.GetAsync<int>("key", () => throw new InvalidOperationException("down")));

        Assert.Equal(1, await _cache.GetAsync("key", CountedRead));
    }

    private Task<int> CountedRead() => Task.FromResult(Interlocked.Increment(ref _reads));
}
