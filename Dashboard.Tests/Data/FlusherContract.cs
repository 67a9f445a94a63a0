using Dashboard.Core.Configuration;
using Dashboard.Core.Persistence;
using Dashboard.Core.Tracking;
using Dashboard.Data.Entities;
using Dashboard.Data.Sessions;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Data;

/// <summary>
/// Accepted activity reaches user_sessions through the queue and the flusher: in batches of 100 rows, or once the
/// oldest has waited 5 s, one row per session, closed by logout or by the TTL.
/// </summary>
public abstract class FlusherContract : HistoryDatabaseContract
{
    protected SessionUpdateQueue Queue => Services.GetRequiredService<SessionUpdateQueue>();

    protected SessionFlusher Flusher => Services.GetRequiredService<SessionFlusher>();

    protected TrackingOptions Tracking { get; } = new();

    protected PersistenceOptions Persistence { get; } = new();

    private protected RecordingLogger<SessionFlusher> FlusherLog { get; } = new();

    /// <summary>
    /// An activity whose row this database refuses for what it holds. Validation refuses it on the way in, so the test
    /// puts it on the queue directly, as a gap in validation would.
    /// </summary>
    protected abstract ActivityEvent RefusedByTheDatabase(string user, string session);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ILogger<SessionFlusher>>(FlusherLog);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Flusher.StartAsync(default);
    }

    public override async Task DisposeAsync()
    {
        await Flusher.StopAsync(default);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Flush_FullBatch_IsWrittenWithoutWaitingForTheInterval()
    {
        Queue.Enqueue([.. Enumerable.Range(0, Persistence.BatchSize).Select(i => Activity.Of($"user-{i}", $"session-{i}"))]);

        await Eventually.HoldsAsync(async () => await CountAsync() == Persistence.BatchSize, "a full batch is written");

        Assert.Equal(Start, Time.GetUtcNow());
    }

    [Fact]
    public async Task Flush_SmallerBatch_WaitsForTheFlushInterval()
    {
        Queue.Enqueue([.. Enumerable.Range(0, Persistence.BatchSize - 1).Select(i => Activity.Of($"user-{i}", $"session-{i}"))]);
        await Eventually.HoldsAsync(() => Flusher.PendingCount == Persistence.BatchSize - 1, "the flusher holds the sessions");

        Time.Advance(Persistence.FlushInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await CountAsync());

        Time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(async () => await CountAsync() == Persistence.BatchSize - 1, "the batch is written when due");
    }

    [Fact]
    public async Task Flush_MoreThanABatch_WritesFullBatchesAtOnceAndTheRestWhenDue()
    {
        Queue.Enqueue([.. Enumerable.Range(0, 250).Select(i => Activity.Of($"user-{i}", $"session-{i}"))]);

        await Eventually.HoldsAsync(async () => await CountAsync() == 200, "two full batches are written");
        await Eventually.HoldsAsync(() => Flusher.PendingCount == 50, "the rest is held");
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(async () => await CountAsync() == 250, "the rest is written when due");
    }

    [Fact]
    public async Task Flush_HeartbeatsOfOneSession_WriteOneRowWithTheLatest()
    {
        Queue.Enqueue([Activity.Of("u1", "s1", "accounting")]);
        Time.Advance(TimeSpan.FromSeconds(2));
        Queue.Enqueue([Activity.Of("u1", "s1", "tax") with { IpAddress = "::1" }]);
        Time.Advance(TimeSpan.FromSeconds(3));

        var session = await SingleSessionAsync("s1");

        Assert.Equal(("u1", "org-1", "tax", "::1"), (session.UserId, session.OrganizationId, session.ModuleId, session.IpAddress));
        Assert.Equal((Start, Start.AddSeconds(2), true), (session.StartedAt, session.LastActivityAt, session.IsActive));
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Flush_HeartbeatsThatChangeOnlyTheTime_AreWrittenOncePerRefreshInterval()
    {
        Queue.Enqueue([Activity.Of("u1", "s1", "tax")]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(() => Flusher.Written == 1, "the new session is written");

        Time.Advance(TimeSpan.FromSeconds(20));
        Queue.Enqueue([Activity.Of("u1", "s1", "tax")]);
        await Eventually.HoldsAsync(() => Queue.Count == 0, "the flusher takes the heartbeat");
        Time.Advance(Persistence.FlushInterval + Persistence.RefreshInterval);
        var refreshedAt = Time.GetUtcNow();
        Queue.Enqueue([Activity.Of("u1", "s1", "tax")]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(() => Flusher.Written == 2, "a heartbeat a refresh interval later is written");
        var refreshed = await SingleSessionAsync("s1");

        Queue.Enqueue([Activity.Of("u1", "s1", "payroll")]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(() => Flusher.Written == 3, "a session that moved is written at the next flush");

        Assert.Equal(refreshedAt, refreshed.LastActivityAt);
        Assert.Equal(Start, refreshed.StartedAt);
        Assert.Equal("payroll", (await SingleSessionAsync("s1")).ModuleId);
        Assert.Equal(3, Flusher.Written);
    }

    [Fact]
    public async Task Flush_BatchWithARowTheDatabaseRefuses_WritesEveryOtherRowAndSetsThatOneAside()
    {
        List<ActivityEvent> activities = [.. Enumerable.Range(0, Persistence.BatchSize).Select(i => Activity.Of($"user-{i}", $"session-{i:D3}"))];
        activities[37] = RefusedByTheDatabase("user-37", "session-037");

        Queue.Enqueue(activities);

        await Eventually.HoldsAsync(
            async () => await CountAsync() == Persistence.BatchSize - 1 && Flusher.Discarded == 1, "every other row is written");
        await using var context = await ContextAsync();
        Assert.False(await context.UserSessions.AnyAsync(row => row.SessionId == "session-037"));
        var error = Assert.Single(FlusherLog.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Contains("session-037", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flush_OpenSessionIdFromAnotherUser_KeepsTheFirstUsersRow()
    {
        Queue.Enqueue([Activity.Of("alice", "hx-1", organization: "acme")]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(() => Flusher.Written == 1, "the first user's session is written");

        // The live store refuses this; it reaches the queue here as a gap there would let it.
        Queue.Enqueue([Activity.Of("mallory", "hx-1", organization: "evilcorp")]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(() => Flusher.Written == 2, "the other user's update goes to the database");

        var session = await SingleSessionAsync("hx-1");
        Assert.Equal(("alice", "acme"), (session.UserId, session.OrganizationId));
    }

    [Fact]
    public async Task Flush_Logout_ClosesTheSessionWhenItEnded()
    {
        Queue.Enqueue([Activity.Of("u1", "s1")]);
        Time.Advance(Persistence.FlushInterval);
        await SingleSessionAsync("s1");
        Time.Advance(TimeSpan.FromSeconds(20));

        Queue.Enqueue([Activity.Of("u1", "s1", active: false)]);
        Time.Advance(Persistence.FlushInterval);

        await Eventually.HoldsAsync(async () => !(await SingleSessionAsync("s1")).IsActive, "the session is closed");
        var session = await SingleSessionAsync("s1");
        Assert.Equal((Start, Start.AddSeconds(25), Start.AddSeconds(25)), (session.StartedAt, session.LastActivityAt, session.EndedAt));
    }

    [Fact]
    public async Task Flush_HeartbeatAfterLogout_StartsTheSessionAgain()
    {
        Queue.Enqueue([Activity.Of("u1", "s1"), Activity.Of("u1", "s1", active: false)]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(async () => !(await SingleSessionAsync("s1")).IsActive, "the session is closed");

        Queue.Enqueue([Activity.Of("u1", "s1")]);
        Time.Advance(Persistence.FlushInterval);

        await Eventually.HoldsAsync(async () => (await SingleSessionAsync("s1")).IsActive, "the session is open again");
        var session = await SingleSessionAsync("s1");
        Assert.Equal((Start.AddSeconds(5), null), (session.StartedAt, session.EndedAt));
    }

    [Fact]
    public async Task Expire_SessionSilentLongerThanTheTtl_IsClosedAtItsLastActivity()
    {
        Queue.Enqueue([Activity.Of("quiet", "s-quiet"), Activity.Of("busy", "s-busy")]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(async () => await CountAsync() == 2, "both sessions are written");
        Time.Advance(Tracking.SessionTtl - Persistence.FlushInterval);
        Queue.Enqueue([Activity.Of("busy", "s-busy")]);
        Time.Advance(Persistence.FlushInterval);
        await Eventually.HoldsAsync(
            async () => (await SingleSessionAsync("s-busy")).LastActivityAt == Start + Tracking.SessionTtl, "the heartbeat is written");

        Time.Advance(Persistence.ExpireInterval);

        await Eventually.HoldsAsync(async () => !(await SingleSessionAsync("s-quiet")).IsActive, "the silent session is closed");
        Assert.Equal(Start, (await SingleSessionAsync("s-quiet")).EndedAt);
        Assert.True((await SingleSessionAsync("s-busy")).IsActive);
    }

    [Fact]
    public async Task StopAsync_SessionsStillHeld_AreWrittenBeforeStopping()
    {
        Queue.Enqueue([.. Enumerable.Range(0, 10).Select(i => Activity.Of($"user-{i}", $"session-{i}"))]);
        await Eventually.HoldsAsync(() => Flusher.PendingCount + Queue.Count == 10, "the sessions are queued");

        await Flusher.StopAsync(default);

        Assert.Equal(10, await CountAsync());
    }

    [Fact]
    public async Task TrackAsync_AcceptedActivity_ReachesTheSessionTable()
    {
        var tracker = Services.GetRequiredService<ActivityTracker>();

        await tracker.TrackBatchAsync([Activity.Of("u1", "s1"), Activity.Of("u2", "s2")], default);
        Time.Advance(Persistence.FlushInterval);

        await Eventually.HoldsAsync(async () => await CountAsync() == 2, "both sessions are written");
        Assert.Equal(0, Queue.Dropped);
    }

    protected async Task<int> CountAsync()
    {
        await using var context = await ContextAsync();
        return await context.UserSessions.CountAsync();
    }

    protected async Task<UserSession> SingleSessionAsync(string sessionId)
    {
        UserSession? session = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var context = await ContextAsync();
            session = await context.UserSessions.SingleOrDefaultAsync(row => row.SessionId == sessionId);
            return session is not null;
        }, $"session {sessionId} is written");
        return session!;
    }
}
