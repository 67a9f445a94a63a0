using System.Globalization;

namespace Dashboard.Bench;

/// <summary>
/// What bench/run.sh started (addresses, process ids) and the sizes of the run, from BENCH_* environment variables;
/// the defaults are the figures.
/// </summary>
internal sealed record BenchSettings
{
    public required string RedisHost { get; init; }
    public required int RedisPort { get; init; }
    public required Uri AppAddress { get; init; }

    /// <summary>The key (scopes ingest and read) the load generators and SSE readers send as X-Api-Key.</summary>
    public required string ApiKey { get; init; }
    public required string PostgresConnection { get; init; }
    public required int RedisPid { get; init; }
    public required int AppPid { get; init; }
    public required int PostgresPid { get; init; }
    public required string ResultsPath { get; init; }
    public required string WorkFolder { get; init; }
    public required string Commit { get; init; }

    /// <summary>Active users loaded for the memory and large snapshot figures (5, 6).</summary>
    public int Users { get; init; } = 1_000_000;

    /// <summary>Active users of the small snapshot figure (5).</summary>
    public int SmallUsers { get; init; } = 1_000;

    public int Modules { get; init; } = 20;

    /// <summary>Organizations scale with users: one per this many users.</summary>
    public int UsersPerOrganization { get; init; } = 100;

    /// <summary>Concurrent HTTP requests (and redis-benchmark clients) of the throughput figures.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Concurrent batch requests of figure 2.</summary>
    public int BatchConcurrency { get; init; } = 8;

    public int BatchSize { get; init; } = 1000;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Each throughput pair (baseline, ours) is measured this many times, interleaved; the median counts.</summary>
    public int Rounds { get; init; } = 3;

    public int LuaRequests { get; init; } = 300_000;

    public int PipeHeartbeats { get; init; } = 250_000;

    public int SteadyRate { get; init; } = 10_000;

    public TimeSpan SteadyDuration { get; init; } = TimeSpan.FromSeconds(20);

    public int SseClients { get; init; } = 20;

    public int Dashboards { get; init; } = 5;

    public int PollsCounted { get; init; } = 10;

    /// <summary>The poll interval of the app this invocation runs against (run.sh: 10 s for figures 1–4 and 8–10, 1 s for the rest).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Open dashboards (Blazor circuits in headless Chromium) of figure 10.</summary>
    public int Circuits { get; init; } = 50;

    /// <summary>SSE subscribers of figure 11.</summary>
    public int SseSubscribers { get; init; } = 1000;

    public int SnapshotSamples { get; init; } = 15;

    /// <summary>The organizations a poll ranks (Dashboard:Tracking:TopOrganizations, the app's default).</summary>
    public int TopOrganizations { get; init; } = 100;

    /// <summary>The shards of the app's configuration (Dashboard:Tracking:Shards).</summary>
    public int Shards { get; init; } = 16;

    public static BenchSettings FromEnvironment() => new()
    {
        RedisHost = "127.0.0.1",
        RedisPort = Int("BENCH_REDIS_PORT"),
        AppAddress = new Uri(Required("BENCH_APP_URL")),
        ApiKey = Required("BENCH_API_KEY"),
        PostgresConnection = Required("BENCH_PG_CONNECTION"),
        RedisPid = Int("BENCH_REDIS_PID"),
        AppPid = Int("BENCH_APP_PID"),
        PostgresPid = Int("BENCH_PG_PID"),
        ResultsPath = Required("BENCH_RESULTS"),
        WorkFolder = Required("BENCH_TMP"),
        Commit = Required("BENCH_COMMIT"),
        Users = Int("BENCH_USERS", 1_000_000),
        SmallUsers = Int("BENCH_SMALL_USERS", 1_000),
        Modules = Int("BENCH_MODULES", 20),
        UsersPerOrganization = Int("BENCH_USERS_PER_ORG", 100),
        Concurrency = Int("BENCH_CONCURRENCY", 64),
        BatchConcurrency = Int("BENCH_BATCH_CONCURRENCY", 8),
        BatchSize = Int("BENCH_BATCH_SIZE", 1000),
        Duration = TimeSpan.FromSeconds(Int("BENCH_SECONDS", 10)),
        Rounds = Int("BENCH_ROUNDS", 3),
        LuaRequests = Int("BENCH_LUA_REQUESTS", 300_000),
        PipeHeartbeats = Int("BENCH_PIPE_HEARTBEATS", 250_000),
        SteadyRate = Int("BENCH_RATE", 10_000),
        SteadyDuration = TimeSpan.FromSeconds(Int("BENCH_RATE_SECONDS", 20)),
        SseClients = Int("BENCH_SSE_CLIENTS", 20),
        Dashboards = Int("BENCH_DASHBOARDS", 5),
        PollsCounted = Int("BENCH_POLLS", 10),
        PollInterval = TimeSpan.FromSeconds(Int("BENCH_POLL_SECONDS", 1)),
        Circuits = Int("BENCH_CIRCUITS", 50),
        SseSubscribers = Int("BENCH_SSE_SUBSCRIBERS", 1000),
        SnapshotSamples = Int("BENCH_SNAPSHOT_SAMPLES", 15),
        Shards = Int("BENCH_SHARDS", 16),
        TopOrganizations = Int("BENCH_TOP_ORGANIZATIONS", 100),
    };

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the benchmark through bench/run.sh.");

    private static int Int(string name) => int.Parse(Required(name), CultureInfo.InvariantCulture);

    private static int Int(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? int.Parse(value, CultureInfo.InvariantCulture)
            : fallback;
}
