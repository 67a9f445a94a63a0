using System.Diagnostics;
using System.Net.Http.Headers;

namespace Dashboard.Bench;

/// <summary>The benchmark's HTTP load generator: pre-serialized JSON bodies posted over many kept-alive connections.</summary>
internal sealed class HttpLoad : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _client;

    public HttpLoad(Uri address, string apiKey, int connections)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "X-Api-Key", apiKey } },
        };
    }

    public HttpClient Client => _client;

    /// <summary>Closed loop: <paramref name="workers"/> requests in flight for <paramref name="duration"/>.</summary>
    public Task<LoadResult> RunAsync(string path, IReadOnlyList<byte[]> bodies, int workers, TimeSpan duration) =>
        RunAsync(index => PostAsync(path, bodies[(int)(index % bodies.Count)]), workers, duration);

    /// <summary>The closed loop of GET <paramref name="path"/>: what any request costs the app, whatever it does.</summary>
    public Task<LoadResult> RunGetAsync(string path, int workers, TimeSpan duration) =>
        RunAsync(_ => GetAsync(path), workers, duration);

    private static async Task<LoadResult> RunAsync(Func<long, Task<bool>> request, int workers, TimeSpan duration)
    {
        long next = -1, succeeded = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                if (await request(Interlocked.Increment(ref next)))
                {
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(loops);
        return new LoadResult(succeeded, failed, clock.Elapsed);
    }

    /// <summary>Posts every body once, <paramref name="workers"/> at a time; throws when one fails.</summary>
    public async Task SendEachAsync(string path, IReadOnlyList<byte[]> bodies, int workers)
    {
        var next = -1;
        var loops = Enumerable.Range(0, workers).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Count)
            {
                if (!await PostAsync(path, bodies[index]))
                {
                    throw new InvalidOperationException($"POST {path} failed during the warm-up.");
                }
            }
        });
        await Task.WhenAll(loops);
    }

    /// <summary>
    /// Open loop: requests start on a fixed schedule whether or not earlier ones finished, and each latency is measured
    /// from when the request was due, so a stall is counted for every request it delayed (no coordinated omission).
    /// </summary>
    public Task<LatencyResult> RunAtRateAsync(string path, IReadOnlyList<byte[]> bodies, int rate, TimeSpan duration) =>
        RunAtRateAsync(index => PostAsync(path, bodies[index % bodies.Count]), rate, duration);

    /// <summary>The open loop of GET <paramref name="path"/>.</summary>
    public Task<LatencyResult> RunGetAtRateAsync(string path, int rate, TimeSpan duration) =>
        RunAtRateAsync(_ => GetAsync(path), rate, duration);

    private static async Task<LatencyResult> RunAtRateAsync(Func<int, Task<bool>> request, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        long failed = 0;
        var pending = new List<Task>(total);
        var started = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = (int)Math.Min(total, clock.Elapsed.TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                var index = sent;
                var dueAt = TimeSpan.FromSeconds(index / (double)rate);
                pending.Add(Task.Run(async () =>
                {
                    if (!await request(index))
                    {
                        Interlocked.Increment(ref failed);
                    }

                    latencies[index] = (clock.Elapsed - dueAt).TotalMilliseconds;
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(pending);
        var elapsed = clock.Elapsed;
        // The worst latency of the requests due in each second, before sorting loses when they were due: a stall
        // shows as one second, to be matched with a trace of the same minutes.
        var worstPerSecond = latencies.Chunk(Math.Max(1, rate)).Select(second => second.Max()).ToArray();
        Array.Sort(latencies);
        return new LatencyResult(total, failed, elapsed, latencies, started, worstPerSecond);
    }

    public void Dispose() => _client.Dispose();

    private async Task<bool> PostAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return await SendAsync(() => _client.PostAsync(path, content));
    }

    private Task<bool> GetAsync(string path) => SendAsync(() => _client.GetAsync(path));

    private static async Task<bool> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            using var response = await send();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
