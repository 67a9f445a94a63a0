using Stopwatch = System.Diagnostics.Stopwatch;
using Dashboard.Core.Tracking;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Bench;

/// <summary>
/// The baseline of figure 3: the tracker one would write first, on PostgreSQL alone. Each heartbeat is one upsert
/// into <c>user_sessions</c>; current users are a COUNT over the activity window.
/// </summary>
internal sealed class NaivePostgresTracker(string connectionString) : IAsyncDisposable
{
    private const string Upsert = """
        INSERT INTO user_sessions (session_id, user_id, organization_id, module_id, user_agent, ip_address, started_at, last_activity)
        VALUES ($1, $2, $3, $4, $5, $6, now(), now())
        ON CONFLICT (session_id) DO UPDATE SET user_id = excluded.user_id, organization_id = excluded.organization_id,
            module_id = excluded.module_id, user_agent = excluded.user_agent, ip_address = excluded.ip_address,
            last_activity = excluded.last_activity
        """;

    // What one poll of ours answers: users, sessions, users per module, users per organization, over the window.
    private const string Snapshot = """
        SELECT count(DISTINCT user_id) FROM user_sessions WHERE last_activity >= now() - interval '60 seconds';
        SELECT count(*) FROM user_sessions WHERE last_activity >= now() - interval '60 seconds';
        SELECT module_id, count(DISTINCT user_id) FROM user_sessions WHERE last_activity >= now() - interval '60 seconds' GROUP BY module_id;
        SELECT organization_id, count(DISTINCT user_id) FROM user_sessions WHERE last_activity >= now() - interval '60 seconds' GROUP BY organization_id;
        """;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString + ";Maximum Pool Size=200;No Reset On Close=true");

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public async Task CreateSchemaAsync()
    {
        await using var command = _dataSource.CreateCommand("""
            DROP TABLE IF EXISTS user_sessions;
            CREATE TABLE user_sessions (
                session_id text PRIMARY KEY, user_id text NOT NULL, organization_id text NOT NULL, module_id text NOT NULL,
                user_agent text, ip_address text, started_at timestamptz NOT NULL, last_activity timestamptz NOT NULL);
            CREATE INDEX user_sessions_last_activity ON user_sessions (last_activity);
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary><paramref name="workers"/> connections upserting heartbeats in a loop; heartbeats/s.</summary>
    public async Task<LoadResult> TrackAsync(IReadOnlyList<ActivityEvent> activities, int workers, TimeSpan duration)
    {
        long next = -1, done = 0;
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, workers).Select(async _ =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(Upsert, connection);
            for (var i = 0; i < 6; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            }

            await command.PrepareAsync();
            while (clock.Elapsed < duration)
            {
                var activity = activities[(int)(Interlocked.Increment(ref next) % activities.Count)];
                command.Parameters[0].Value = activity.SessionId;
                command.Parameters[1].Value = activity.UserId;
                command.Parameters[2].Value = activity.OrganizationId;
                command.Parameters[3].Value = activity.ModuleId;
                command.Parameters[4].Value = activity.UserAgent ?? (object)DBNull.Value;
                command.Parameters[5].Value = activity.IpAddress ?? (object)DBNull.Value;
                await command.ExecuteNonQueryAsync();
                Interlocked.Increment(ref done);
            }
        });
        await Task.WhenAll(loops);
        return new LoadResult(done, 0, clock.Elapsed);
    }

    /// <summary>Bulk-loads <paramref name="activities"/> as sessions active now (COPY: the load is not what is measured).</summary>
    public async Task LoadAsync(IEnumerable<ActivityEvent> activities)
    {
        await CreateSchemaAsync();
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY user_sessions (session_id, user_id, organization_id, module_id, user_agent, ip_address, started_at, last_activity) FROM STDIN (FORMAT BINARY)"))
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            foreach (var activity in activities)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(activity.SessionId, NpgsqlDbType.Text);
                await writer.WriteAsync(activity.UserId, NpgsqlDbType.Text);
                await writer.WriteAsync(activity.OrganizationId, NpgsqlDbType.Text);
                await writer.WriteAsync(activity.ModuleId, NpgsqlDbType.Text);
                await writer.WriteAsync(activity.UserAgent, NpgsqlDbType.Text);
                await writer.WriteAsync(activity.IpAddress, NpgsqlDbType.Text);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE user_sessions", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Median duration of the naive poll (<see cref="Snapshot"/>) and the users it counted.</summary>
    public async Task<(double MedianMs, long Users)> TimeSnapshotAsync(int samples)
    {
        await using var command = _dataSource.CreateCommand(Snapshot);
        long users = 0;
        var times = new List<double>();
        for (var i = 0; i <= samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                users = reader.GetInt64(0);
                do
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }
                while (await reader.NextResultAsync());
            }

            // The first read warms the caches.
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return (Stats.Median(times), users);
    }
}
