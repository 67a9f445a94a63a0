using Dashboard.Web.Live;

namespace Dashboard.Tests.Live;

public sealed class MetricsHubTests
{
    private static readonly DateTimeOffset FirstPoll = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly MetricsHub _hub = new();

    [Fact]
    public void Publish_WithASubscriber_HandsItThePollAndKeepsItAsLatest()
    {
        var seen = new List<PollResult>();
        using var subscription = _hub.Subscribe(seen.Add);

        var poll = Poll(0);
        _hub.Publish(poll);

        Assert.Equal([poll], seen);
        Assert.Same(poll, _hub.Latest);
    }

    [Fact]
    public void Publish_AfterTheSubscriptionIsDisposed_NoLongerCallsIt()
    {
        var seen = new List<PollResult>();
        _hub.Subscribe(seen.Add).Dispose();

        _hub.Publish(Poll(0));

        Assert.Empty(seen);
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public async Task WatchAsync_SlowReader_GetsTheLatestThenSkipsToTheNewest()
    {
        _hub.Publish(Poll(0));
        using var cancellation = new CancellationTokenSource();
        await using var watch = _hub.WatchAsync(cancellation.Token).GetAsyncEnumerator(cancellation.Token);

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(Poll(0), watch.Current);

        _hub.Publish(Poll(1));
        _hub.Publish(Poll(2));
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(Poll(2), watch.Current);
    }

    [Fact]
    public async Task WatchAsync_WhenTheReaderLeaves_Unsubscribes()
    {
        using var cancellation = new CancellationTokenSource();
        var watch = _hub.WatchAsync(cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        var next = watch.MoveNextAsync();
        Assert.Equal(1, _hub.SubscriberCount);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        await watch.DisposeAsync();

        Assert.Equal(0, _hub.SubscriberCount);
    }

    private static PollResult Poll(int seconds) => new(null, FirstPoll.AddSeconds(seconds), null);
}
