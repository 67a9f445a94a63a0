using System.Globalization;
using Dashboard.Bench;
using StackExchange.Redis;

// The benchmark of issue 6, run by bench/run.sh twice: BENCH_PHASES=circuits,http against the app as deployed (10 s
// polls), then BENCH_PHASES=polls,sse,store,postgres against the app polling every second. The figures of both go to one file.
var settings = BenchSettings.FromEnvironment();
var phases = (Environment.GetEnvironmentVariable("BENCH_PHASES") ?? "circuits,http,polls,sse,store,postgres")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var endpoint = $"{settings.RedisHost}:{settings.RedisPort.ToString(CultureInfo.InvariantCulture)}";
using var redis = await ConnectionMultiplexer.ConnectAsync($"{endpoint},allowAdmin=true,syncTimeout=120000,asyncTimeout=120000");
var info = new RedisInfo(redis, endpoint);
var heartbeats = new Heartbeats(settings.Modules, settings.UsersPerOrganization);
var statePath = Path.Combine(settings.WorkFolder, "report.json");
var report = await Report.LoadAsync(statePath);
await using var postgres = new NaivePostgresTracker(settings.PostgresConnection);

// Figure 10 first, on the app as deployed (10 s polls) with an empty Redis: 50 pages redrawing every second make
// Chromium a load of its own on 2 cores, and the circuits must not share the app with figure 4's users.
if (phases.Contains("circuits"))
{
    await new CircuitBench(settings).RunAsync(report);
}

if (phases.Contains("http"))
{
    await info.FlushAsync();
    var baselines = new RedisBaselines(settings, heartbeats, redis);
    await new ThroughputBench(settings, heartbeats, baselines, postgres, info).RunAsync(report);
}

if (phases.Contains("polls"))
{
    // Figure 7 compares like with like: the figures before left users in Redis who stop counting a minute later,
    // during one of its two counts and not the other.
    await info.FlushAsync();
    await new PollBench(settings).RunAsync(report);
}

if (phases.Contains("sse"))
{
    await new SseBench(settings).RunAsync(report);
}


SnapshotFigures? snapshot = null;
if (phases.Contains("store"))
{
    snapshot = await new StoreBench(settings, heartbeats, redis, info).RunAsync(report);
}

if (phases.Contains("postgres"))
{
    await postgres.LoadAsync(Enumerable.Range(0, settings.Users).Select(user => heartbeats.Activity(user, settings.Users)));
    var (naiveMs, counted) = await postgres.TimeSnapshotAsync(samples: 3);
    report.Detail(3, $"Read side at {settings.Users:N0} active sessions (bulk-loaded with COPY): the naive tracker answers what one of our polls answers (users, sessions, " +
        $"users per module and per organization: 4 queries over the window) in {naiveMs:N0} ms (median of 3, {counted:N0} users)" +
        (snapshot is null ? "." : $"; our snapshot takes {snapshot.MedianMs:N0} ms at the same size: PostgreSQL ÷ ours = {naiveMs / snapshot.MedianMs:N2}."));
}

await report.SaveAsync(statePath);
var finished = TimeProvider.System.GetUtcNow();
string[] setup =
[
    $"Commit `{settings.Commit}`, finished {finished:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores shared with the app, Redis, PostgreSQL and the load generators (and other work on the machine): compare the ratios, not the absolute figures.",
    $"Redis {await info.VersionAsync()} (`--save \"\"`, default configuration), PostgreSQL 15 (default configuration), the app in Release with `Dashboard__LiveStore=Redis`, {settings.Shards} shards, logging at Warning.",
    $"Population: users `user-NNNNNNN`, one 20-character session each, {settings.Modules} modules, one organization per {settings.UsersPerOrganization} users, user agents of about {Heartbeats.AverageUserAgentLength:N0} characters, IPv4 addresses.",
];
await File.WriteAllTextAsync(settings.ResultsPath, report.ToMarkdown($"Benchmark {finished:yyyy-MM-dd} `{settings.Commit}`", setup));
Console.WriteLine($"Results written to {settings.ResultsPath}");
