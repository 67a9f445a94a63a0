using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Persistence;

/// <summary>
/// Carries accepted activity from the track path to the session flusher, so a heartbeat never waits on the database.
/// Bounded (<see cref="PersistenceOptions.QueueCapacity"/>): past it the oldest update waiting is dropped, so that what
/// the flusher writes after an outage is the latest state; each drop is counted in <see cref="Dropped"/>, never lost in
/// silence. The last quarter of the queue is kept for what matters most: a refresh of a session the database already
/// holds is not queued there, a session's first write or its end is.
/// Drops come in episodes (no gap of <see cref="EpisodeGap"/> between them): each is logged when it starts and when it
/// ends, and <see cref="IsDropping"/> holds while it lasts.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue, and the name says what it does.")]
public sealed partial class SessionUpdateQueue
{
    public static readonly TimeSpan EpisodeGap = TimeSpan.FromSeconds(10);

    private const long NoDrop = long.MinValue;

    private readonly Channel<SessionUpdate> _channel;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionUpdateQueue> _logger;
    private readonly int _refreshLimit;

    // Sessions whose row the flusher has written and not closed: a heartbeat of one of them is a refresh.
    private readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);
    private long _dropped;
    private long _droppedBeforeEpisode;
    private long _lastDropTicks = NoDrop;

    public SessionUpdateQueue(IOptions<PersistenceOptions> options, TimeProvider time, ILogger<SessionUpdateQueue> logger)
    {
        Capacity = options.Value.QueueCapacity;
        _refreshLimit = Capacity - (Capacity / 4);
        _time = time;
        _logger = logger;
        _channel = Channel.CreateBounded<SessionUpdate>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => CountDrops(_time.GetUtcNow(), 1));
    }

    public int Capacity { get; }

    /// <summary>Updates waiting for the flusher.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Updates dropped because the queue was full (the oldest) or in its last quarter (refreshes), since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Whether updates were dropped within the last <see cref="EpisodeGap"/>.</summary>
    public bool IsDropping
    {
        get
        {
            var last = Interlocked.Read(ref _lastDropTicks);
            return last != NoDrop && _time.GetUtcNow().UtcTicks - last < EpisodeGap.Ticks;
        }
    }

    public ChannelReader<SessionUpdate> Reader => _channel.Reader;

    /// <summary>Queues the activities without waiting; past the bound the oldest waiting update is dropped and counted.</summary>
    public void Enqueue(IReadOnlyList<ActivityEvent> activities)
    {
        var at = _time.GetUtcNow();
        var dropped = 0;
        foreach (var activity in activities)
        {
            var refresh = activity.IsActive && _written.ContainsKey(activity.SessionId);
            if (refresh && _channel.Reader.Count >= _refreshLimit)
            {
                dropped++;
            }
            else
            {
                // Never refused: a full queue drops its oldest update instead (counted by the channel's callback).
                _channel.Writer.TryWrite(new SessionUpdate(activity, at));
            }
        }

        if (dropped > 0)
        {
            CountDrops(at, dropped);
        }
        else
        {
            EndEpisodeIfOver(at);
        }
    }

    /// <summary>The flusher wrote the session's row: its next heartbeats are refreshes.</summary>
    public void RememberWritten(string sessionId) => _written[sessionId] = 0;

    /// <summary>The session's row was closed (logout or TTL): its next heartbeat writes it anew.</summary>
    public void ForgetWritten(string sessionId) => _written.TryRemove(sessionId, out _);

    private void CountDrops(DateTimeOffset now, int dropped)
    {
        var total = Interlocked.Add(ref _dropped, dropped);
        var last = Interlocked.Exchange(ref _lastDropTicks, now.UtcTicks);
        if (last == NoDrop || now.UtcTicks - last >= EpisodeGap.Ticks)
        {
            Interlocked.Exchange(ref _droppedBeforeEpisode, total - dropped);
            LogDroppingStarted(_logger, Capacity);
        }
    }

    private void EndEpisodeIfOver(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastDropTicks);
        if (last != NoDrop && now.UtcTicks - last >= EpisodeGap.Ticks
            && Interlocked.CompareExchange(ref _lastDropTicks, NoDrop, last) == last)
        {
            var total = Dropped;
            var inEpisode = total - Interlocked.Read(ref _droppedBeforeEpisode);
            LogDroppingEnded(_logger, inEpisode, total);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The session update queue is full ({Capacity}): updates are being dropped (refreshes first); the database is slow or down, or traffic outruns it")]
    private static partial void LogDroppingStarted(ILogger logger, int capacity);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The session update queue takes updates again: {Dropped} were dropped ({Total} since start)")]
    private static partial void LogDroppingEnded(ILogger logger, long dropped, long total);
}
