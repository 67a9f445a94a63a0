using System.Net;
using Dashboard.Client;

namespace Dashboard.Cli.Load;

/// <summary>
/// Runs a <see cref="LoadPlan"/> against the batch endpoint: every tick it gathers the heartbeats that fell due and
/// sends them in batches, with a bounded number of requests in flight, and accounts for every event it sent.
/// </summary>
internal sealed class LoadRunner(ConcurrentUsersClient client, TimeProvider time)
{
    /// <summary>How often due heartbeats are gathered and sent: none goes out more than this late.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a batch over the server's rate limit is sent in all before it counts as failed.</summary>
    public const int MaxTries = 5;

    /// <summary>
    /// Runs the plan until its duration is over or <paramref name="cancellationToken"/> stops it early; either way the
    /// requests already sent are awaited, so the report accounts for each of them.
    /// </summary>
    public async Task<LoadReport> RunAsync(LoadPlan plan, Action<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var random = new Random(plan.Seed);
        var users = CreateUsers(plan, random);
        var due = new PriorityQueue<SimulatedUser, TimeSpan>();
        for (var index = 0; index < users.Count; index++)
        {
            due.Enqueue(users[index], plan.RampUp * index / users.Count);
        }

        var modules = new ZipfSampler(plan.Modules, plan.Skew);
        var stats = new LoadStats();
        using var slots = new SemaphoreSlim(plan.Concurrency);
        var requests = new List<Task>();
        var started = time.GetTimestamp();
        var usersStarted = 0;
        var interrupted = false;
        try
        {
            while (true)
            {
                // Every heartbeat due before the end is sent, even one a slow tick finds only after the end: what a run
                // sends depends on the plan and the seed, not on how punctually this loop was scheduled.
                var elapsed = time.GetElapsedTime(started);
                var horizon = Min(elapsed, plan.Duration);
                var batch = new List<UserActivity>(plan.BatchSize);
                while (due.TryPeek(out var user, out var at) && at <= horizon && at < plan.Duration)
                {
                    due.Dequeue();
                    usersStarted += user.HasStarted ? 0 : 1;
                    if (user.HasStarted && random.NextDouble() < plan.ModuleSwitch)
                    {
                        user.ModuleId = LoadNames.Module(modules.Sample(random));
                    }

                    batch.Add(user.Heartbeat());
                    due.Enqueue(user, at + Jittered(plan.Heartbeat, random));
                    if (batch.Count == plan.BatchSize)
                    {
                        requests.Add(await SendAsync(batch, stats, slots, cancellationToken).ConfigureAwait(false));
                        batch = new List<UserActivity>(plan.BatchSize);
                    }
                }

                if (batch.Count > 0)
                {
                    requests.Add(await SendAsync(batch, stats, slots, cancellationToken).ConfigureAwait(false));
                }

                progress?.Invoke(stats.Progress(horizon, plan.Duration, usersStarted));
                if (elapsed >= plan.Duration)
                {
                    break;
                }

                await Task.Delay(Min(Tick, plan.Duration - elapsed), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        if (plan.EndSessions)
        {
            foreach (var chunk in users.Where(user => user.HasStarted).Select(user => user.End()).Chunk(plan.BatchSize))
            {
                requests.Add(await SendAsync([.. chunk], stats, slots, CancellationToken.None).ConfigureAwait(false));
            }
        }

        await Task.WhenAll(requests).ConfigureAwait(false);
        var report = stats.Report(plan.RunId, usersStarted, time.GetElapsedTime(started), interrupted);
        progress?.Invoke(stats.Progress(report.Elapsed, plan.Duration, usersStarted));
        return report;
    }

    private static List<SimulatedUser> CreateUsers(LoadPlan plan, Random random)
    {
        var modules = new ZipfSampler(plan.Modules, plan.Skew);
        var organizations = new ZipfSampler(plan.Organizations, plan.Skew);
        return [.. Enumerable.Range(1, plan.Users).Select(index => new SimulatedUser(
            plan.RunId,
            index,
            LoadNames.Organization(organizations.Sample(random)),
            LoadNames.Module(modules.Sample(random)),
            LoadNames.UserAgent(random),
            LoadNames.IpAddress(index)))];
    }

    // Heartbeats drift by ±10%, as real clients' timers do, so they do not all land on the same tick.
    private static TimeSpan Jittered(TimeSpan interval, Random random) => interval * (0.9 + (0.2 * random.NextDouble()));

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first < second ? first : second;

    /// <summary>
    /// Sends a batch; over the server's rate limit (429) waits as its <c>Retry-After</c> asks (a second if it does not
    /// say) and sends it again, holding its slot meanwhile, so the whole run slows down instead of hammering the limit.
    /// </summary>
    private async Task<TrackResult> TrackBackingOffAsync(List<UserActivity> batch, LoadStats stats)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.TrackBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ConcurrentUsersApiException exception) when (exception.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxTries)
            {
                stats.RateLimited();
                await Task.Delay(exception.RetryAfter ?? TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits for a free slot (so a slow server slows the run instead of piling up requests), then starts the request.
    /// The request itself is not cancelled: once sent, its outcome is part of the report.
    /// </summary>
    private async Task<Task> SendAsync(List<UserActivity> batch, LoadStats stats, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        stats.Sent(batch.Count);
        return SendAsync(batch, stats, slots);
    }

    private async Task SendAsync(List<UserActivity> batch, LoadStats stats, SemaphoreSlim slots)
    {
        var begun = time.GetTimestamp();
        try
        {
            var result = await TrackBackingOffAsync(batch, stats).ConfigureAwait(false);
            stats.Succeeded(result.Accepted, time.GetElapsedTime(begun));
        }
        catch (ConcurrentUsersApiException exception)
        {
            // Errors are counted by kind: the details (a timeout's wording, an id) differ from one request to the next.
            stats.Failed($"HTTP {(int)exception.StatusCode}: {exception.Error}", time.GetElapsedTime(begun), unreachable: false,
                refused: exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        }
        catch (HttpRequestException exception)
        {
            stats.Failed($"Unreachable: {exception.HttpRequestError}", null, unreachable: true);
        }
        catch (OperationCanceledException)
        {
            stats.Failed("Timed out", null, unreachable: true);
        }
        finally
        {
            slots.Release();
        }
    }
}
