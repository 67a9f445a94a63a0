using Dashboard.Core.Persistence;
using Dashboard.Core.Tracking;
using Dashboard.Data.Configuration;
using Dashboard.Data.Sessions;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

public sealed class PostgresFlusherTests : FlusherContract
{
    // PostgreSQL refuses NUL in text (22021 invalid byte sequence for encoding "UTF8": 0x00).
    protected override ActivityEvent RefusedByTheDatabase(string user, string session) =>
        Activity.Of(user, session) with { UserAgent = "Mozilla/5.0\0" };

    [Fact]
    public async Task Flush_PostgresStopsAndStarts_LosesNoSession()
    {
        // A server of this test's own: stopping the shared one would break the tests running beside it.
        using var server = await TestServers.StartPostgresAsync("outage");
        await using var database = await PostgresTestDatabase.CreateAsync(server);
        // The fake clock races ahead while the flusher retries: no session may reach its TTL meanwhile.
        await using var services = BuildServices(
            new Dictionary<string, string?>(database.Settings) { ["Dashboard:Tracking:SessionTtl"] = "1.00:00:00" });
        await services.GetRequiredService<HistoryMigrator>().MigrateAsync(default);
        var queue = services.GetRequiredService<SessionUpdateQueue>();
        var flusher = services.GetRequiredService<SessionFlusher>();
        await flusher.StartAsync(default);
        var contexts = services.GetRequiredService<IDbContextFactory<Dashboard.Data.HistoryDbContext>>();
        async Task<int> CountAsync(bool activeOnly)
        {
            await using var context = await contexts.CreateDbContextAsync();
            return await context.UserSessions.CountAsync(session => !activeOnly || session.IsActive);
        }

        queue.Enqueue([.. Enumerable.Range(0, 30).Select(i => Activity.Of($"user-{i}", $"session-{i}"))]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(async () => await CountAsync(activeOnly: false) == 30, "the first sessions are written");

        await server.StopAsync();
        queue.Enqueue([.. Enumerable.Range(30, 170).Select(i => Activity.Of($"user-{i}", $"session-{i}"))]);
        queue.Enqueue([.. Enumerable.Range(0, 10).Select(i => Activity.Of($"user-{i}", $"session-{i}", active: false))]);
        await Eventually.HoldsAsync(() => flusher.FailedAttempts > 0, "a write fails while the server is down");
        await server.StartAsync();

        await Eventually.HoldsAsync(
            async () => await CountAsync(activeOnly: false) == 200 && await CountAsync(activeOnly: true) == 190,
            "every session is written once the server is back",
            between: () => Time.Advance(Persistence.MaxRetryDelay));
        Assert.Equal((0, 0), (queue.Dropped, flusher.Discarded));
        await flusher.StopAsync(default);
    }

    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
