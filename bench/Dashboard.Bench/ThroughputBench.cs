namespace Dashboard.Bench;

/// <summary>
/// Figures 1–4: heartbeats through the app's HTTP API against what the same Redis does without us, and against a
/// naive PostgreSQL tracker. Each round measures every contender back to back, so a ratio compares the same minute
/// of a shared machine; the median round counts.
/// </summary>
internal sealed class ThroughputBench(BenchSettings settings, Heartbeats heartbeats, RedisBaselines baselines, NaivePostgresTracker postgres, RedisInfo info)
{
    private const string TrackPath = "api/concurrent-users/track";
    private const string BatchPath = "api/concurrent-users/track/batch";

    // Users heartbeating in the throughput figures: most heartbeats update a session, as in production.
    private const int Users = 50_000;

    public async Task<double> RunAsync(Report report)
    {
        var activities = Enumerable.Range(0, Users).Select(user => heartbeats.Activity(user, Users)).ToList();
        var singles = activities.Select(Heartbeats.Json).ToList();
        var batches = Enumerable.Range(0, settings.PipeHeartbeats / settings.BatchSize)
            .Select(batch => Heartbeats.BatchJson(Enumerable.Range(batch * settings.BatchSize, settings.BatchSize)
                .Select(user => heartbeats.Activity(user, settings.PipeHeartbeats))))
            .ToList();
        using var http = new HttpLoad(settings.AppAddress, settings.Concurrency);
        await postgres.CreateSchemaAsync();

        // Warm-up: JIT, connection pools, Lua script caches.
        await http.RunAsync(TrackPath, singles, settings.Concurrency, TimeSpan.FromSeconds(3));
        await http.RunAsync(BatchPath, batches, settings.BatchConcurrency, TimeSpan.FromSeconds(2));
        await postgres.TrackAsync(activities, settings.Concurrency, TimeSpan.FromSeconds(2));

        var lua = new List<double>();
        var single = new List<double>();
        var piped = new List<double>();
        var batch = new List<double>();
        var naive = new List<double>();
        var cpu = new Dictionary<string, string>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            lua.Add(await MeasureAsync(cpu, "redis-benchmark EVALSHA", () => baselines.LuaHeartbeatsPerSecondAsync(Users)));
            single.Add(await MeasureAsync(cpu, "POST /track", async () => Checked(await http.RunAsync(TrackPath, singles, settings.Concurrency, settings.Duration))));
            piped.Add(await MeasureAsync(cpu, "redis-cli --pipe", baselines.PipedHeartbeatsPerSecondAsync));
            batch.Add(await MeasureAsync(cpu, "POST /track/batch", async () => settings.BatchSize * Checked(await http.RunAsync(BatchPath, batches, settings.BatchConcurrency, settings.Duration))));
            naive.Add(await MeasureAsync(cpu, "PostgreSQL upsert", async () => (await postgres.TrackAsync(activities, settings.Concurrency, settings.Duration)).PerSecond));
            Console.WriteLine($"round {round}: lua {lua[^1]:N0}/s, single {single[^1]:N0}/s, pipe {piped[^1]:N0}/s, batch {batch[^1]:N0}/s, postgres {naive[^1]:N0}/s");
        }

        var singleRate = Stats.Median(single);
        report.Figure(1, "Single-track heartbeats/s ÷ redis-benchmark Lua heartbeat (3 ZADD + HSET)",
            $"{singleRate:N0}/s ÷ {Stats.Median(lua):N0}/s", singleRate / Stats.Median(lua), 0.9, higherIsBetter: true);
        report.Detail(1, $"Ours: POST /api/concurrent-users/track, {settings.Concurrency} connections, closed loop for {settings.Duration.TotalSeconds:N0} s, {Users:N0} users' heartbeats in turn. " +
            $"Baseline: redis-benchmark -c {settings.Concurrency} -n {settings.LuaRequests:N0} -r {Users:N0} EVALSHA of the 3 ZADD + HSET script (one heartbeat per round trip, no pipelining).");
        Rounds(report, 1, ("ours", single), ("baseline", lua));
        report.Detail(1, $"Last round, {cpu["POST /track"]}; baseline {cpu["redis-benchmark EVALSHA"]}.");

        var batchRate = Stats.Median(batch);
        report.Figure(2, "Batch-track events/s ÷ the same heartbeats as plain pipelined commands (`redis-cli --pipe`)",
            $"{batchRate:N0}/s ÷ {Stats.Median(piped):N0}/s", batchRate / Stats.Median(piped), 0.6, higherIsBetter: true);
        report.Detail(2, $"Ours: POST /api/concurrent-users/track/batch, {settings.BatchSize:N0} heartbeats per request, {settings.BatchConcurrency} requests in flight, {settings.Duration.TotalSeconds:N0} s. " +
            $"Baseline: {settings.PipeHeartbeats:N0} heartbeats as {settings.PipeHeartbeats * 4:N0} plain commands (3 ZADD + HSET each) in one RESP file, timed through redis-cli --pipe.");
        Rounds(report, 2, ("ours", batch), ("baseline", piped));
        report.Detail(2, $"Last round, {cpu["POST /track/batch"]}; baseline {cpu["redis-cli --pipe"]}.");

        var naiveRate = Stats.Median(naive);
        report.Figure(3, "Ours (single-track heartbeats/s) ÷ naive PostgreSQL-only tracker (one upsert per heartbeat)",
            $"{singleRate:N0}/s ÷ {naiveRate:N0}/s", singleRate / naiveRate, 10, higherIsBetter: true);
        report.Detail(3, $"Baseline: {settings.Concurrency} Npgsql connections each upserting one heartbeat per statement (prepared INSERT … ON CONFLICT (session_id) DO UPDATE) into user_sessions " +
            "with an index on last_activity, straight from the benchmark process (no HTTP, no JSON: that favours the baseline). PostgreSQL 15 with its default durability (fsync and synchronous_commit on).");
        Rounds(report, 3, ("ours", single), ("baseline", naive));
        report.Detail(3, $"Last round, baseline {cpu["PostgreSQL upsert"]}.");

        // The steady-rate figure starts from the heartbeating users alone, not the batch figure's extra population.
        await info.FlushAsync();
        await http.RunAsync(TrackPath, singles, settings.Concurrency, TimeSpan.FromSeconds(5));
        await MeasureLatencyAsync(report, http, singles);
        return singleRate;
    }

    private async Task MeasureLatencyAsync(Report report, HttpLoad http, IReadOnlyList<byte[]> singles)
    {
        var meter = new CpuMeter(settings);
        var steady = await http.RunAtRateAsync(TrackPath, singles, settings.SteadyRate, settings.SteadyDuration);
        var use = meter.Read();
        var p99 = steady.Percentile(0.99);
        report.Figure(4, $"p99 track latency at a steady {settings.SteadyRate:N0} heartbeats/s", $"{p99:N2} ms", p99, 5, higherIsBetter: false);
        report.Detail(4, $"Open loop: POST /track started on a fixed schedule for {settings.SteadyDuration.TotalSeconds:N0} s ({steady.Sent:N0} requests, {steady.Failed} failed, " +
            $"achieved {steady.AchievedRate:N0}/s); latency counted from when each request was due, so stalls are not hidden.");
        report.Detail(4, $"p50 {steady.Percentile(0.5):N2} ms, p90 {steady.Percentile(0.9):N2} ms, p99 {p99:N2} ms, p99.9 {steady.Percentile(0.999):N2} ms, max {steady.SortedMs[^1]:N1} ms.");
        report.Detail(4, use.Describe(steady.Sent) + $" over {steady.Elapsed.TotalSeconds:N0} s on {Environment.ProcessorCount} cores.");
    }

    private async Task<double> MeasureAsync(Dictionary<string, string> cpu, string name, Func<Task<double>> run)
    {
        var meter = new CpuMeter(settings);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rate = await run();
        var use = meter.Read();
        cpu[name] = use.Describe(rate * clock.Elapsed.TotalSeconds);
        return rate;
    }

    private static double Checked(LoadResult result) =>
        result.Failed == 0
            ? result.PerSecond
            : throw new InvalidOperationException($"{result.Failed} of {result.Succeeded + result.Failed} requests failed.");

    private static void Rounds(Report report, int figure, params (string Name, List<double> Rates)[] series) =>
        report.Detail(figure, "Rounds: " + string.Join("; ", series.Select(item =>
            $"{item.Name} {string.Join(", ", item.Rates.Select(rate => rate.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}/s")));
}
