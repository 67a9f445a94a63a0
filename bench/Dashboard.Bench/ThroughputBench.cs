namespace Dashboard.Bench;

/// <summary>
/// Figures 1–4: heartbeats through the app's HTTP API against what the same Redis does without us, and against a
/// naive PostgreSQL tracker. Each round measures every contender back to back, so a ratio compares the same minute
/// of a shared machine; the round with the median ratio counts.
/// </summary>
internal sealed class ThroughputBench(BenchSettings settings, Heartbeats heartbeats, RedisBaselines baselines, NaivePostgresTracker postgres, RedisInfo info)
{
    private const string TrackPath = "api/concurrent-users/track";
    private const string BatchPath = "api/concurrent-users/track/batch";

    // Answered from the latest poll in memory: no body to read, no store. Any request costs the app at least this.
    private const string FloorPath = "api/concurrent-users/current";

    private const string LuaBaseline = "redis-benchmark EVALSHA";
    private const string Single = "POST /track";
    private const string Floor = "GET /current";
    private const string PipeBaseline = "redis-cli --pipe";
    private const string Batch = "POST /track/batch";
    private const string PostgresBaseline = "PostgreSQL upsert";

    // Microseconds Redis spent inside scripts per operation, by measurement (last round).
    private readonly Dictionary<string, double> _scriptMicros = [];

    // CPU per operation of every round, by measurement: figure 8 compares contenders within one round.
    private readonly Dictionary<string, List<CpuUse>> _roundMicros = [];

    // Users heartbeating in the throughput figures: most heartbeats update a session, as in production.
    private const int Users = 50_000;

    // Long enough for the app to write the warm-up's new sessions to its database before anything is measured.
    private static readonly TimeSpan SessionWritesSettle = TimeSpan.FromSeconds(30);

    public async Task<double> RunAsync(Report report)
    {
        // The single heartbeats' users are the first of the batch figure's population, in the same organizations:
        // when the two figures gave a user different organizations, each user's first heartbeat in every round moved
        // them (a recount in Redis), which no production feed does.
        var population = Enumerable.Range(0, Math.Max(Users, settings.PipeHeartbeats))
            .Select(user => heartbeats.Activity(user, settings.PipeHeartbeats))
            .ToList();
        var activities = population[..Users];
        var singles = activities.Select(Heartbeats.Json).ToList();
        var batches = population[..settings.PipeHeartbeats].Chunk(settings.BatchSize).Select(Heartbeats.BatchJson).ToList();
        using var http = new HttpLoad(settings.AppAddress, settings.ApiKey, settings.Concurrency);
        await postgres.CreateSchemaAsync();

        // Warm-up: JIT, connection pools, Lua script caches, and one heartbeat of every user, so that the measured
        // heartbeats update live sessions as in production; then time for the app to write those new sessions.
        await http.RunAsync(TrackPath, singles, settings.Concurrency, TimeSpan.FromSeconds(3));
        await http.SendEachAsync(TrackPath, singles, settings.Concurrency);
        await http.SendEachAsync(BatchPath, batches, settings.BatchConcurrency);
        await postgres.TrackAsync(activities, settings.Concurrency, TimeSpan.FromSeconds(2));
        // The baselines' first runs create their keys; later runs update them, as every measured heartbeat of ours does.
        await baselines.LuaHeartbeatsPerSecondAsync(Users);
        await baselines.PipedHeartbeatsPerSecondAsync();
        await Task.Delay(SessionWritesSettle);
        // Every user once more, so that round 1 finds them still counted, as heartbeats every 30 s keep them. The batch
        // figure's users were otherwise last seen over a minute (the activity window) before it: each heartbeat then
        // counted a user anew, and the poll that stopped counting 250,000 users held Redis during round 1's baselines.
        await http.SendEachAsync(TrackPath, singles, settings.Concurrency);
        await http.SendEachAsync(BatchPath, batches, settings.BatchConcurrency);

        var lua = new List<double>();
        var single = new List<double>();
        var floor = new List<double>();
        var piped = new List<double>();
        var batch = new List<double>();
        var naive = new List<double>();
        var cpu = new Dictionary<string, (CpuUse Use, double Operations)>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            lua.Add(await MeasureAsync(cpu, LuaBaseline, () => baselines.LuaHeartbeatsPerSecondAsync(Users)));
            single.Add(await MeasureAsync(cpu, Single, async () => Checked(await http.RunAsync(TrackPath, singles, settings.Concurrency, settings.Duration))));
            floor.Add(await MeasureAsync(cpu, Floor, async () => Checked(await http.RunGetAsync(FloorPath, settings.Concurrency, settings.Duration))));
            piped.Add(await MeasureAsync(cpu, PipeBaseline, baselines.PipedHeartbeatsPerSecondAsync));
            batch.Add(await MeasureAsync(cpu, Batch, async () => settings.BatchSize * Checked(await http.RunAsync(BatchPath, batches, settings.BatchConcurrency, settings.Duration))));
            naive.Add(await MeasureAsync(cpu, PostgresBaseline, async () => (await postgres.TrackAsync(activities, settings.Concurrency, settings.Duration)).PerSecond));
            Console.WriteLine($"round {round}: lua {lua[^1]:N0}/s, single {single[^1]:N0}/s, floor {floor[^1]:N0}/s, pipe {piped[^1]:N0}/s, batch {batch[^1]:N0}/s, postgres {naive[^1]:N0}/s");
        }

        var singleRate = Stats.Median(single);
        var (singleRound, luaRound) = Stats.MedianRound(single, lua);
        var (floorRound, luaFloorRound) = Stats.MedianRound(floor, lua);
        var ours = Micros(cpu, Single);
        var floorCost = Micros(cpu, Floor);
        var luaCost = Micros(cpu, LuaBaseline);
        report.Figure(1, "Single-track heartbeats/s ÷ redis-benchmark Lua heartbeat (3 ZADD + HSET)",
            $"{singleRound:N0}/s ÷ {luaRound:N0}/s", singleRound / luaRound, 0.9, higherIsBetter: true,
            $"CPU of {Environment.ProcessorCount} shared cores. Per heartbeat ours costs {ours.App:N0} µs in the app, " +
            $"{ours.Redis:N0} µs in Redis and {ours.Generator:N0} µs in the HTTP load generator; the baseline {luaCost.Redis:N0} µs in Redis and {luaCost.Generator:N0} µs in redis-benchmark. " +
            $"A GET /current, which the app answers from memory (no body, no store), costs the app {floorCost.App:N0} µs and serves {floorRound:N0}/s under the same load " +
            $"({floorRound / luaFloorRound:N2} of the baseline's {luaFloorRound:N0}/s in that round)" + (floorRound / luaFloorRound < 0.9
                ? ": an HTTP request alone, before any tracking, misses the target here."
                : $", so most of the gap is tracking: {ours.App - floorCost.App:N0} µs more in the app than a GET (the body, one Redis round trip per request) " +
                  $"and {ours.Redis:N0} µs in Redis against the baseline's {luaCost.Redis:N0} (our script's prelude and the user's record, for one heartbeat per call)."));
        report.Detail(1, $"Ours: POST /api/concurrent-users/track, {settings.Concurrency} connections, closed loop for {settings.Duration.TotalSeconds:N0} s, {Users:N0} users' heartbeats in turn. " +
            $"Baseline: redis-benchmark -c {settings.Concurrency} -n {settings.LuaRequests:N0} -r {Users:N0} EVALSHA of the 3 ZADD + HSET script (one heartbeat per round trip, no pipelining).");
        Rounds(report, 1, ("ours", single), ("baseline", lua), ("GET /current", floor));
        report.Detail(1, $"Last round, ours {Describe(cpu, Single)}; baseline {Describe(cpu, LuaBaseline)}; GET /current {Describe(cpu, Floor)}.");
        report.Detail(1, $"Redis time inside the heartbeat script (INFO commandstats): ours {_scriptMicros[Single]:N1} µs per heartbeat, the baseline's {_scriptMicros[LuaBaseline]:N1} µs; " +
            "the rest of Redis's CPU is reading requests and writing replies.");

        HeartbeatCost(report);

        var (batchRound, pipeRound) = Stats.MedianRound(batch, piped);
        var batchCost = Micros(cpu, Batch);
        var pipeCost = Micros(cpu, PipeBaseline);
        report.Figure(2, "Batch-track events/s ÷ the same heartbeats as plain pipelined commands (`redis-cli --pipe`)",
            $"{batchRound:N0}/s ÷ {pipeRound:N0}/s", batchRound / pipeRound, 0.6, higherIsBetter: true,
            $"Redis, single-threaded: {batchCost.Redis:N1} µs of Redis CPU per batched heartbeat (its Lua parses and rewrites the user's record) against {pipeCost.Redis:N1} µs " +
            $"per plain pipelined heartbeat (4 commands that keep nothing the product needs); the app adds {batchCost.App:N1} µs.");
        report.Detail(2, $"Ours: POST /api/concurrent-users/track/batch, {settings.BatchSize:N0} heartbeats per request, {settings.BatchConcurrency} requests in flight, {settings.Duration.TotalSeconds:N0} s. " +
            $"Baseline: {settings.PipeHeartbeats:N0} heartbeats as {settings.PipeHeartbeats * 4:N0} plain commands (3 ZADD + HSET each) in one RESP file, timed through redis-cli --pipe.");
        Rounds(report, 2, ("ours", batch), ("baseline", piped));
        report.Detail(2, $"Last round, ours {Describe(cpu, Batch)}; baseline {Describe(cpu, PipeBaseline)}.");
        report.Detail(2, $"Redis time inside our script: {_scriptMicros[Batch]:N1} µs per batched heartbeat.");

        var (singleNaiveRound, naiveRound) = Stats.MedianRound(single, naive);
        var (batchNaiveRound, naiveBatchRound) = Stats.MedianRound(batch, naive);
        var naiveCost = Micros(cpu, PostgresBaseline);
        report.Figure(3, "Ours (single-track heartbeats/s) ÷ naive PostgreSQL-only tracker (one upsert per heartbeat)",
            $"{singleNaiveRound:N0}/s ÷ {naiveRound:N0}/s", singleNaiveRound / naiveRound, 10, higherIsBetter: true,
            $"Both are CPU-bound on the same cores. PostgreSQL spends {naiveCost.Postgres:N0} µs per upsert (group commit absorbs the fsyncs), its client {naiveCost.Generator:N0} µs; " +
            $"ours {ours.Redis:N0} µs in Redis but {ours.App:N0} µs in HTTP and JSON, which the baseline skips. See the read side below.");
        report.Detail(3, $"Baseline: {settings.Concurrency} Npgsql connections each upserting one heartbeat per statement (prepared INSERT … ON CONFLICT (session_id) DO UPDATE) into user_sessions " +
            "with an index on last_activity, straight from the benchmark process (no HTTP, no JSON: that favours the baseline). PostgreSQL 15 with its default durability (fsync and synchronous_commit on).");
        Rounds(report, 3, ("ours", single), ("ours batched", batch), ("baseline", naive));
        report.Detail(3, $"Through the batch endpoint (figure 2), ours ÷ the naive tracker = {batchNaiveRound:N0}/s ÷ {naiveBatchRound:N0}/s = {batchNaiveRound / naiveBatchRound:N2} (median round).");
        report.Detail(3, $"Last round, baseline {Describe(cpu, PostgresBaseline)}.");

        // The steady-rate figure starts from the heartbeating users alone, not the batch figure's extra population.
        await info.FlushAsync();
        // Every user once, however fast this machine is today: a user first seen during the measurement costs a new
        // session row and an organization report.
        await http.SendEachAsync(TrackPath, singles, settings.Concurrency);
        // Those heartbeats refresh sessions the app wrote over a minute ago: let it write them before the clock starts.
        await Task.Delay(SessionWritesSettle);
        await MeasureLatencyAsync(report, http, singles, singleRate);
        return singleRate;
    }

    private async Task MeasureLatencyAsync(Report report, HttpLoad http, IReadOnlyList<byte[]> singles, double capacity)
    {
        var meter = new CpuMeter(settings);
        var steady = await http.RunAtRateAsync(TrackPath, singles, settings.SteadyRate, settings.SteadyDuration);
        var use = meter.Read();
        // The same measurement where this machine has room: half of what it served in the closed loop.
        var sustainable = (int)Math.Max(500, Math.Round(capacity / 2 / 500) * 500);
        var calm = await http.RunAtRateAsync(TrackPath, singles, sustainable, settings.SteadyDuration);
        var calmFloor = await http.RunGetAtRateAsync(FloorPath, sustainable, settings.SteadyDuration);
        // What the same schedule of the cheapest request the app serves gets: the HTTP stack's own share of the latency.
        var floorMeter = new CpuMeter(settings);
        var floor = await http.RunGetAtRateAsync(FloorPath, settings.SteadyRate, settings.SteadyDuration);
        var floorUse = floorMeter.Read();
        var p99 = steady.Percentile(0.99);
        var capacityLimit = steady.AchievedRate < settings.SteadyRate * 0.98 || settings.SteadyRate > capacity
            ? $"Capacity: {settings.SteadyRate:N0}/s is more than this machine serves ({capacity:N0}/s in figure 1; {steady.AchievedRate:N0}/s were started), so requests queue. "
            : "";
        var floorP99 = floor.Percentile(0.99);
        var limit = capacityLimit +
            $"At {sustainable:N0}/s the p99 is {calm.Percentile(0.99):N2} ms. GET /current, answered from memory, gets a p99 of {floorP99:N2} ms on the same " +
            $"{settings.SteadyRate:N0}/s schedule" + (floorP99 > 5
                ? ": the HTTP stack on these shared cores misses the target before tracking does anything."
                : $": tracking adds {p99 - floorP99:N2} ms to the tail.");
        report.Figure(4, $"p99 track latency at a steady {settings.SteadyRate:N0} heartbeats/s", $"{p99:N2} ms", p99, 5, higherIsBetter: false, limit);
        report.Detail(4, $"Open loop: POST /track started on a fixed schedule for {settings.SteadyDuration.TotalSeconds:N0} s, latency counted from when each request was due, so stalls are not hidden.");
        foreach (var run in new[] { steady, calm })
        {
            report.Detail(4, $"At {run.Sent / settings.SteadyDuration.TotalSeconds:N0}/s ({run.Sent:N0} requests, {run.Failed} failed, started at {run.AchievedRate:N0}/s from {run.Started:HH:mm:ss} UTC): " +
                $"p50 {run.Percentile(0.5):N2} ms, p90 {run.Percentile(0.9):N2} ms, p99 {run.Percentile(0.99):N2} ms, p99.9 {run.Percentile(0.999):N2} ms, max {run.SortedMs[^1]:N1} ms; " +
                $"seconds whose worst request took over 3× the p99: {run.Stalls(3 * run.Percentile(0.99))}.");
        }

        report.Detail(4, $"At {settings.SteadyRate:N0}/s, " + use.Describe(steady.Sent) + $" over {steady.Elapsed.TotalSeconds:N0} s on {Environment.ProcessorCount} cores.");
        TailRatio(report, calm, calmFloor, sustainable, capacity);
        report.Detail(4, $"GET /current (answered from memory) on the same schedule, {settings.SteadyRate:N0}/s ({floor.Failed} failed, started at {floor.AchievedRate:N0}/s): " +
            $"p50 {floor.Percentile(0.5):N2} ms, p99 {floor.Percentile(0.99):N2} ms, max {floor.SortedMs[^1]:N1} ms; " + floorUse.Describe(floor.Sent) + ".");
    }

    /// <summary>
    /// Figure 8: the CPU a single heartbeat costs (app + Redis) against the HTTP floor plus the Redis floor, i.e. the
    /// app's CPU per GET /current and Redis's CPU per baseline Lua heartbeat, all from one round; the median round counts.
    /// </summary>
    private void HeartbeatCost(Report report)
    {
        var rounds = _roundMicros[Single].Zip(_roundMicros[Floor], _roundMicros[LuaBaseline])
            .Select(round => (Ours: round.First, Floor: round.Second, Lua: round.Third,
                Ratio: (round.First.App + round.First.Redis) / (round.Second.App + round.Third.Redis)))
            .ToList();
        var median = rounds.OrderBy(round => round.Ratio).ElementAt((rounds.Count - 1) / 2);
        report.Figure(8, "CPU per single heartbeat (app + redis-server) ÷ (app per GET /current + redis-server per baseline Lua heartbeat)",
            $"({median.Ours.App:N1} + {median.Ours.Redis:N1}) ÷ ({median.Floor.App:N1} + {median.Lua.Redis:N1}) µs", median.Ratio, 1.2, higherIsBetter: false,
            $"The app's {median.Ours.App - median.Floor.App:N1} µs over a GET (the body, validation, one Redis round trip, the session queue) and Redis's " +
            $"{median.Ours.Redis - median.Lua.Redis:N1} µs over the baseline script (prelude, the user's record).");
        report.Detail(8, "From figure 1's rounds; each ratio within one round, the round with the median ratio counts. Rounds: " +
            string.Join("; ", rounds.Select(round => $"({round.Ours.App:N1} + {round.Ours.Redis:N1}) ÷ ({round.Floor.App:N1} + {round.Lua.Redis:N1}) = {round.Ratio:N2}")) + ".");
    }

    /// <summary>
    /// Figure 9: the tail of POST /track against the tail of GET /current on the same open-loop schedule at half the
    /// single-track rate figure 1 measured in this run, so this machine's speed does not decide whether it is over
    /// capacity; and no stall: /track's max within 3× its p99.
    /// </summary>
    private static void TailRatio(Report report, LatencyResult track, LatencyResult floor, int rate, double capacity)
    {
        var trackP99 = track.Percentile(0.99);
        var floorP99 = floor.Percentile(0.99);
        var max = track.SortedMs[^1];
        var stall = max > 3 * trackP99;
        report.Figure(9, "p99 of POST /track ÷ p99 of GET /current, open loop at half figure 1's single-track rate",
            $"{trackP99:N2} ÷ {floorP99:N2} ms at {rate:N0}/s; max {max:N1} ms", trackP99 / floorP99, 1.5, higherIsBetter: false,
            (stall ? $"A stall: /track's max {max:N1} ms is over 3× its p99. " : $"No stall (max within 3× the p99). ") +
            $"Half of figure 1's {capacity:N0}/s; figure 4 keeps the fixed 10,000/s beside it.",
            extraCondition: !stall);
        foreach (var (name, run) in new[] { ("POST /track", track), ("GET /current", floor) })
        {
            report.Detail(9, $"{name} at {rate:N0}/s ({run.Sent:N0} requests, {run.Failed} failed, started at {run.AchievedRate:N0}/s from {run.Started:HH:mm:ss} UTC): p50 {run.Percentile(0.5):N2} ms, " +
                $"p90 {run.Percentile(0.9):N2} ms, p99 {run.Percentile(0.99):N2} ms, p99.9 {run.Percentile(0.999):N2} ms, max {run.SortedMs[^1]:N1} ms; " +
                $"seconds whose worst request took over 3× the p99: {run.Stalls(3 * run.Percentile(0.99))}.");
        }
    }

    private async Task<double> MeasureAsync(Dictionary<string, (CpuUse Use, double Operations)> cpu, string name, Func<Task<double>> run)
    {
        var meter = new CpuMeter(settings);
        var scripts = await info.ScriptMicrosAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rate = await run();
        var operations = rate * clock.Elapsed.TotalSeconds;
        cpu[name] = (meter.Read(), operations);
        if (!_roundMicros.TryGetValue(name, out var rounds))
        {
            rounds = [];
            _roundMicros[name] = rounds;
        }

        rounds.Add(cpu[name].Use.MicrosPer(operations));
        _scriptMicros[name] = (await info.ScriptMicrosAsync() - scripts) / operations;
        return rate;
    }

    private static CpuUse Micros(Dictionary<string, (CpuUse Use, double Operations)> cpu, string name) =>
        cpu[name].Use.MicrosPer(cpu[name].Operations);

    private static string Describe(Dictionary<string, (CpuUse Use, double Operations)> cpu, string name) =>
        cpu[name].Use.Describe(cpu[name].Operations);

    private static double Checked(LoadResult result) =>
        result.Failed == 0
            ? result.PerSecond
            : throw new InvalidOperationException($"{result.Failed} of {result.Succeeded + result.Failed} requests failed.");

    private static void Rounds(Report report, int figure, params (string Name, List<double> Rates)[] series) =>
        report.Detail(figure, "Rounds: " + string.Join("; ", series.Select(item =>
            $"{item.Name} {string.Join(", ", item.Rates.Select(rate => rate.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}/s")));
}
