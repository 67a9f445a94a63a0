using Dashboard.Core.Configuration;
using Dashboard.Core.Persistence;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.InProcess;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Persistence;

public sealed class SessionUpdateQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingLogger<SessionUpdateQueue> _logger = new();

    [Fact]
    public void Enqueue_WithinCapacity_QueuesEachActivityStampedWithServerTime()
    {
        var queue = NewQueue(capacity: 10);

        queue.Enqueue([Activity.Of("u1", "s1"), Activity.Of("u2", "s2")]);

        Assert.Equal(2, queue.Count);
        Assert.True(queue.Reader.TryRead(out var first));
        Assert.Equal(("s1", Start), (first.Activity.SessionId, first.At));
        Assert.Equal(0, queue.Dropped);
    }

    [Fact]
    public void Enqueue_BeyondCapacity_DropsTheOldestCountsAndWarns()
    {
        var queue = NewQueue(capacity: 3);

        queue.Enqueue([.. Enumerable.Range(0, 5).Select(i => Activity.Of($"u{i}", $"s{i}"))]);

        Assert.Equal((3, 2), (queue.Count, queue.Dropped));
        Assert.Equal(["s2", "s3", "s4"], Drain(queue).Select(update => update.Activity.SessionId));
        var warning = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("updates are being dropped", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enqueue_InTheLastQuarter_DropsRefreshesButTakesFirstWritesAndEnds()
    {
        var queue = NewQueue(capacity: 8);
        queue.RememberWritten("s-old");
        queue.Enqueue([.. Enumerable.Range(0, 6).Select(i => Activity.Of($"u{i}", $"s{i}"))]);

        queue.Enqueue([Activity.Of("old", "s-old"), Activity.Of("new", "s-new"), Activity.Of("old", "s-old", active: false)]);

        Assert.Equal((8, 1), (queue.Count, queue.Dropped));
        Assert.DoesNotContain(Drain(queue), update => update.Activity is { SessionId: "s-old", IsActive: true });
    }

    [Fact]
    public void Enqueue_RefreshOfASessionNoLongerWritten_IsAFirstWriteAgain()
    {
        var queue = NewQueue(capacity: 4);
        queue.RememberWritten("s-old");
        queue.ForgetWritten("s-old");
        queue.Enqueue([.. Enumerable.Range(0, 3).Select(i => Activity.Of($"u{i}", $"s{i}"))]);

        queue.Enqueue([Activity.Of("old", "s-old")]);

        Assert.Equal((4, 0), (queue.Count, queue.Dropped));
    }

    [Fact]
    public void Enqueue_DroppingForAWhile_WarnsOnceWhenItStartsAndOnceWhenItEnds()
    {
        var queue = NewQueue(capacity: 1);
        queue.Enqueue([Activity.Of("u0", "s0")]);

        for (var i = 1; i <= 30; i++)
        {
            queue.Enqueue([Activity.Of($"u{i}", $"s{i}")]);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(queue.IsDropping);
        Drain(queue);
        _time.Advance(SessionUpdateQueue.EpisodeGap);
        Assert.False(queue.IsDropping);
        queue.Enqueue([Activity.Of("late", "s-late")]);

        Assert.Equal(30, queue.Dropped);
        Assert.Equal([LogLevel.Warning, LogLevel.Information], _logger.Entries.Select(entry => entry.Level));
        Assert.Contains("30 were dropped", _logger.Entries[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_AcceptedActivity_IsQueuedAfterTheLiveStoreHasIt()
    {
        var queue = NewQueue(capacity: 10);
        var store = new InProcessLiveStore(Options.Create(new TrackingOptions()), _time);
        var tracker = new ActivityTracker(
            store, new ModuleBound(store, Options.Create(new TrackingOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ModuleBound>.Instance), queue);

        var result = await tracker.TrackAsync(Activity.Of("u1", "s1", active: false), default);

        Assert.True(result.IsValid);
        Assert.True(queue.Reader.TryRead(out var update));
        Assert.False(update.Activity.IsActive);
    }

    private static List<SessionUpdate> Drain(SessionUpdateQueue queue)
    {
        var updates = new List<SessionUpdate>();
        while (queue.Reader.TryRead(out var update))
        {
            updates.Add(update);
        }

        return updates;
    }

    private SessionUpdateQueue NewQueue(int capacity) =>
        new(Options.Create(new PersistenceOptions { QueueCapacity = capacity, BatchSize = 1 }), _time, _logger);
}
