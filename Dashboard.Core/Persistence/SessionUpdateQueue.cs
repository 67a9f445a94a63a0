using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Persistence;

/// <summary>
/// Carries accepted activity from the track path to the session flusher, so a heartbeat never waits on the database.
/// Bounded: when it is full an update is dropped, counted in <see cref="Dropped"/> and logged (at most every
/// <see cref="WarningInterval"/>), never lost in silence.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue, and the name says what it does.")]
public sealed partial class SessionUpdateQueue
{
    public static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<SessionUpdate> _channel;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionUpdateQueue> _logger;
    private long _dropped;
    private long _lastWarningTicks = long.MinValue;

    public SessionUpdateQueue(IOptions<PersistenceOptions> options, TimeProvider time, ILogger<SessionUpdateQueue> logger)
    {
        Capacity = options.Value.QueueCapacity;
        _time = time;
        _logger = logger;
        _channel = Channel.CreateBounded<SessionUpdate>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public int Capacity { get; }

    /// <summary>Updates waiting for the flusher.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Updates refused because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<SessionUpdate> Reader => _channel.Reader;

    /// <summary>Queues the activities without waiting; what does not fit is dropped and counted.</summary>
    public void Enqueue(IReadOnlyList<ActivityEvent> activities)
    {
        var at = _time.GetUtcNow();
        var dropped = 0;
        foreach (var activity in activities)
        {
            if (!_channel.Writer.TryWrite(new SessionUpdate(activity, at)))
            {
                dropped++;
            }
        }

        if (dropped > 0)
        {
            var total = Interlocked.Add(ref _dropped, dropped);
            WarnAtMostEveryInterval(at, total);
        }
    }

    private void WarnAtMostEveryInterval(DateTimeOffset now, long total)
    {
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (last != long.MinValue && now.UtcTicks - last < WarningInterval.Ticks)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastWarningTicks, now.UtcTicks, last) == last)
        {
            LogDropped(_logger, Capacity, total);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The session update queue is full ({Capacity}): {Dropped} updates dropped since start; the database is slow or down")]
    private static partial void LogDropped(ILogger logger, int capacity, long dropped);
}
