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
    public void Enqueue_BeyondCapacity_DropsCountsAndWarns()
    {
        var queue = NewQueue(capacity: 3);

        queue.Enqueue([.. Enumerable.Range(0, 5).Select(i => Activity.Of($"u{i}", $"s{i}"))]);

        Assert.Equal((3, 2), (queue.Count, queue.Dropped));
        var warning = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("2 updates dropped", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enqueue_StillFull_WarnsAtMostOncePerInterval()
    {
        var queue = NewQueue(capacity: 1);
        queue.Enqueue([Activity.Of("u0", "s0"), Activity.Of("u1", "s1")]);

        queue.Enqueue([Activity.Of("u2", "s2")]);
        _time.Advance(SessionUpdateQueue.WarningInterval);
        queue.Enqueue([Activity.Of("u3", "s3")]);

        Assert.Equal(3, queue.Dropped);
        Assert.Equal(2, _logger.Entries.Count);
        Assert.Contains("3 updates dropped", _logger.Entries[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_AcceptedActivity_IsQueuedAfterTheLiveStoreHasIt()
    {
        var queue = NewQueue(capacity: 10);
        var store = new InProcessLiveStore(Options.Create(new TrackingOptions()), _time);
        var tracker = new ActivityTracker(store, queue);

        var result = await tracker.TrackAsync(Activity.Of("u1", "s1", active: false), default);

        Assert.True(result.IsValid);
        Assert.True(queue.Reader.TryRead(out var update));
        Assert.False(update.Activity.IsActive);
    }

    private SessionUpdateQueue NewQueue(int capacity) =>
        new(Options.Create(new PersistenceOptions { QueueCapacity = capacity, BatchSize = 1 }), _time, _logger);
}
