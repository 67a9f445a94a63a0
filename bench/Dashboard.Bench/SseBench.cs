using System.Collections.Concurrent;
using System.Text.Json;

namespace Dashboard.Bench;

/// <summary>
/// Figure 11: many SSE subscribers at once. Every event must reach every subscriber within 1 s of the poll it
/// reports (its timestamp, the poll's time, against this machine's clock: the app runs on the same one), the app's
/// memory per subscriber stays small, and subscribers add no Redis command to a poll (the hub fans one poll out).
/// </summary>
internal sealed class SseBench(BenchSettings settings)
{
    private const double TargetKilobytes = 16;
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(1);

    public async Task RunAsync(Report report)
    {
        using var monitor = RedisMonitor.Start(settings);
        using var probe = new HttpClient { BaseAddress = settings.AppAddress, DefaultRequestHeaders = { { "X-Api-Key", settings.ApiKey } } };
        var idleUsers = await AppProbe.CurrentUsersAsync(probe);
        var idle = await monitor.CountPollsAsync(settings.PollsCounted);
        var before = await ProcessMemory.SteadyResidentBytesAsync(settings.AppPid, TimeSpan.FromSeconds(1));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false, UseCookies = false })
        {
            BaseAddress = settings.AppAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "X-Api-Key", settings.ApiKey } },
        };
        using var stop = new CancellationTokenSource();
        var subscribers = new Subscriber[settings.SseSubscribers];
        var streams = new List<Task>(subscribers.Length);
        for (var i = 0; i < subscribers.Length; i++)
        {
            subscribers[i] = new Subscriber();
            streams.Add(subscribers[i].ReadAsync(http, stop.Token));
        }

        // Steady state: every stream has had an event, then three more polls.
        var opening = System.Diagnostics.Stopwatch.StartNew();
        while (subscribers.Any(subscriber => subscriber.Events == 0) && opening.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (streams.FirstOrDefault(stream => stream.IsFaulted) is { } failed)
            {
                await failed;
            }

            await Task.Delay(250);
        }

        var opened = opening.Elapsed;
        await Task.Delay(3 * settings.PollInterval);
        var after = await ProcessMemory.SteadyResidentBytesAsync(settings.AppPid, TimeSpan.FromSeconds(1));

        // Delivery is measured over the polls whose commands are counted.
        var measuredFrom = TimeProvider.System.GetUtcNow();
        foreach (var subscriber in subscribers)
        {
            subscriber.StartMeasuring();
        }

        var watchedUsers = await AppProbe.CurrentUsersAsync(probe);
        var watched = await monitor.CountPollsAsync(settings.PollsCounted);
        var measuredTo = TimeProvider.System.GetUtcNow();
        // The last counted poll's event may still be on its way.
        await Task.Delay(DeliveryLimit);
        if (streams.FirstOrDefault(stream => stream.IsFaulted) is { } broken)
        {
            await broken;
        }

        var received = subscribers.Select(subscriber => subscriber.StopMeasuring()).ToArray();
        var delays = received.SelectMany(events => events.Select(item => item.DelayMs)).Order().ToArray();
        // Every poll of the window must reach every subscriber: the polls are the event timestamps any subscriber saw.
        var polls = received.SelectMany(events => events.Select(item => item.PolledAt))
            .Where(at => at >= measuredFrom && at <= measuredTo).ToHashSet();
        var missing = received.Sum(events => polls.Count(poll => !events.Any(item => item.PolledAt == poll)));
        var perSubscriber = received.Select(events => events.Count).ToArray();
        await stop.CancelAsync();
        await Task.WhenAll(streams.Select(stream => stream.ContinueWith(_ => { }, TaskScheduler.Default)));

        var kilobytes = (after - before) / 1024.0 / subscribers.Length;
        var maxDelay = delays.Length == 0 ? double.NaN : delays[^1];
        var fewest = perSubscriber.Min();
        var most = perSubscriber.Max();
        var onTime = delays.Length > 0 && maxDelay <= DeliveryLimit.TotalMilliseconds && missing == 0 && polls.Count > 0;
        var sameCommands = watched.PerPoll == idle.PerPoll;
        report.Figure(11, $"{subscribers.Length:N0} SSE subscribers: app memory per subscriber (KB), every event within 1 s of its poll, Redis commands per poll unchanged",
            $"{kilobytes:N1} KB; delivery p99 {Stats.Percentile(delays, 0.99):N0} ms, max {maxDelay:N0} ms; {idle.PerPoll:N1} vs {watched.PerPoll:N1} commands per poll",
            kilobytes, TargetKilobytes, higherIsBetter: false,
            (onTime ? "Every event within 1 s. " : $"**Late or missing events**: max {maxDelay:N0} ms, {missing:N0} of {polls.Count * subscribers.Length:N0} poll events missing. ") +
            (sameCommands ? "Commands per poll unchanged." : "**Commands per poll changed.**"),
            extraCondition: onTime && sameCommands);
        report.Detail(11, $"{subscribers.Length:N0} streams of GET /api/concurrent-users/realtime over one HttpClient (one connection each), opened in {opened.TotalSeconds:N1} s; " +
            $"app resident memory (VmRSS, median of 5 readings 1 s apart) {before / 1048576.0:N1} MB before, {after / 1048576.0:N1} MB with them open, three polls after the last stream's first event.");
        report.Detail(11, $"Delivery while counting: {polls.Count} polls, {delays.Length:N0} events ({fewest}–{most} per subscriber), {missing:N0} poll events missing; received − the event's timestamp (the poll's time): " +
            $"p50 {Stats.Percentile(delays, 0.5):N0} ms, p99 {Stats.Percentile(delays, 0.99):N0} ms, max {maxDelay:N0} ms.");
        report.Detail(11, $"Commands sent per poll (MONITOR, {settings.PollsCounted} polls each): 0 subscribers {idle.Commands} ({idle.Describe()}); " +
            $"{subscribers.Length:N0} subscribers {watched.Commands} ({watched.Describe()}). Users counted: {idleUsers:N0} before the first count, {watchedUsers:N0} before the second.");
    }

    private static DateTimeOffset PolledAt(string line)
    {
        using var json = JsonDocument.Parse(line.AsMemory(5));
        return json.RootElement.TryGetProperty("timestamp", out var timestamp)
            ? timestamp.GetDateTimeOffset()
            : throw new InvalidOperationException($"An event without a timestamp: {line}");
    }

    /// <summary>One SSE stream: counts its events and, while measuring, each event's delay after its poll.</summary>
    private sealed class Subscriber
    {
        private readonly ConcurrentQueue<(DateTimeOffset PolledAt, double DelayMs)> _delays = new();
        private volatile bool _measuring;
        private int _events;

        public int Events => Volatile.Read(ref _events);

        public void StartMeasuring() => _measuring = true;

        public List<(DateTimeOffset PolledAt, double DelayMs)> StopMeasuring()
        {
            _measuring = false;
            return [.. _delays];
        }

        public async Task ReadAsync(HttpClient http, CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync("api/concurrent-users/realtime", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                // Keep-alives between polls carry no data (or null).
                if (!line.StartsWith("data:", StringComparison.Ordinal) || line.AsSpan(5).Trim() is [] or "null")
                {
                    continue;
                }

                var received = TimeProvider.System.GetUtcNow();
                Interlocked.Increment(ref _events);
                if (_measuring)
                {
                    var polledAt = PolledAt(line);
                    _delays.Enqueue((polledAt, (received - polledAt).TotalMilliseconds));
                }
            }
        }
    }
}
