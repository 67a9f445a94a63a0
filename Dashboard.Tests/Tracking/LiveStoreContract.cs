using Dashboard.Core.Configuration;
using Dashboard.Core.Persistence;
using Dashboard.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Tracking;

/// <summary>
/// What every live store must do, run against each of them (in-process, single Redis, Redis Cluster).
/// Time is a fake clock, so window expiry is tested exactly.
/// </summary>
public abstract class LiveStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Start);

    protected TrackingOptions Options { get; } = new() { KeyPrefix = $"test-{Guid.NewGuid():N}" };

    /// <summary>A store of the kind under test with <see cref="Options"/> and <see cref="Time"/>, empty.</summary>
    protected abstract Task<ILiveStore> CreateStoreAsync(IOptions<TrackingOptions> options, TimeProvider time);

    private SessionUpdateQueue NewSessionQueue() =>
        new(Microsoft.Extensions.Options.Options.Create(new PersistenceOptions()), Time, NullLogger<SessionUpdateQueue>.Instance);

    private ModuleBound NewModuleBound(ILiveStore store) =>
        new(store, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ModuleBound>.Instance);

    private Task<ILiveStore> NewStoreAsync() => CreateStoreAsync(Microsoft.Extensions.Options.Options.Create(Options), Time);

    [Fact]
    public async Task Snapshot_NoActivity_IsAllZero()
    {
        var store = await NewStoreAsync();

        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(0, snapshot.ConcurrentUsers);
        Assert.Equal(0, snapshot.ActiveSessions);
        Assert.Empty(snapshot.Modules);
        Assert.Empty(snapshot.Organizations);
        Assert.Equal(Start, snapshot.Timestamp);
    }

    [Fact]
    public async Task Snapshot_OneHeartbeat_CountsUserSessionModuleAndOrganization()
    {
        var store = await NewStoreAsync();

        await store.RecordAsync([Activity.Of("user123", "session789", "accounting", "org456")], default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(1, snapshot.ConcurrentUsers);
        Assert.Equal(1, snapshot.ActiveSessions);
        Assert.Equal([new DimensionCount("accounting", 1)], snapshot.Modules);
        Assert.Equal([new DimensionCount("org456", 1)], snapshot.Organizations);
    }

    [Fact]
    public async Task Snapshot_SecondSessionOfSameUser_CountsUserOnce()
    {
        var store = await NewStoreAsync();

        await store.RecordAsync([Activity.Of("u1", "s1", "accounting"), Activity.Of("u1", "s2", "tax")], default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(1, snapshot.ConcurrentUsers);
        Assert.Equal(2, snapshot.ActiveSessions);
        Assert.Equal([new DimensionCount("accounting", 1), new DimensionCount("tax", 1)], snapshot.Modules);
        Assert.Equal([new DimensionCount("org-1", 1)], snapshot.Organizations);
    }

    [Fact]
    public async Task Snapshot_ManyUsersAcrossShards_CountsEachDistinctUserOnce()
    {
        var store = await NewStoreAsync();
        var activities = Enumerable.Range(0, 300).SelectMany(i => new[]
        {
            Activity.Of($"user-{i}", $"a-{i}", module: i % 3 == 0 ? "tax" : "accounting", organization: $"org-{i % 7}"),
            Activity.Of($"user-{i}", $"b-{i}", module: "accounting", organization: $"org-{i % 7}"),
        }).ToList();

        await store.RecordAsync(activities, default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(300, snapshot.ConcurrentUsers);
        Assert.Equal(600, snapshot.ActiveSessions);
        Assert.Equal([new DimensionCount("accounting", 300), new DimensionCount("tax", 100)], snapshot.Modules);
        Assert.Equal(7, snapshot.Organizations.Count);
        Assert.Equal(300, snapshot.Organizations.Sum(organization => organization.Users));
        Assert.Equal(new DimensionCount("org-0", 43), snapshot.Organizations[0]);
    }

    [Fact]
    public async Task Snapshot_ThousandsOfOrganizationsChangeInOnePoll_RanksEveryOne()
    {
        // Two shards: each home gets more reports in this poll than one call carries (OrganizationRanking.ReportsPerCall).
        Options.Shards = 2;
        Options.TopOrganizations = 3;
        var store = await NewStoreAsync();
        var activities = Enumerable.Range(0, 1200).Select(i => Activity.Of($"user-{i}", $"s-{i}", organization: $"org-{i:D4}"))
            .Concat(Enumerable.Range(0, 5).Select(i => Activity.Of($"big-{i}", $"b-{i}", organization: "org-big")))
            .Concat(Enumerable.Range(0, 4).Select(i => Activity.Of($"next-{i}", $"n-{i}", organization: "org-next")))
            .ToList();

        await store.RecordAsync(activities, default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(1209, snapshot.ConcurrentUsers);
        Assert.Equal(1202, snapshot.ActiveOrganizations);
        Assert.Equal([new DimensionCount("org-big", 5), new DimensionCount("org-next", 4), new DimensionCount("org-0000", 1)], snapshot.Organizations);
    }

    [Fact]
    public async Task Snapshot_ManyOrganizations_RanksTheTopOnesAndCountsEveryOne()
    {
        Options.TopOrganizations = 3;
        var store = await NewStoreAsync();
        (string Organization, int Users)[] population = [("org-a", 5), ("org-b", 4), ("org-c", 4), ("org-d", 2), ("org-e", 1)];
        var everyone = population
            .SelectMany(entry => Enumerable.Range(0, entry.Users).Select(i => Activity.Of($"{entry.Organization}-user-{i}", $"{entry.Organization}-s-{i}", organization: entry.Organization)))
            .ToList();
        await store.RecordAsync(everyone, default);

        var first = await store.ReadSnapshotAsync(default);
        Time.Advance(TimeSpan.FromSeconds(30));
        await store.RecordAsync([.. everyone.Where(activity => activity.OrganizationId != "org-a")], default);
        Time.Advance(TimeSpan.FromSeconds(31));
        var second = await store.ReadSnapshotAsync(default);

        Assert.Equal([new("org-a", 5), new("org-b", 4), new DimensionCount("org-c", 4)], first.Organizations);
        Assert.Equal(5, first.ActiveOrganizations);
        Assert.Equal([new("org-b", 4), new("org-c", 4), new DimensionCount("org-d", 2)], second.Organizations);
        Assert.Equal(4, second.ActiveOrganizations);
        Assert.Equal(11, second.ConcurrentUsers);
    }

    [Fact]
    public async Task ReadOrganization_OutsideTheRanking_IsCountedAllTheSame()
    {
        Options.TopOrganizations = 1;
        var store = await NewStoreAsync();
        await store.RecordAsync(
        [
            Activity.Of("u1", "s1", "tax", "big"), Activity.Of("u2", "s2", "tax", "big"),
            Activity.Of("u3", "s3", "tax", "small"), Activity.Of("u4", "s4", "payroll", "small"),
        ], default);

        var snapshot = await store.ReadSnapshotAsync(default);
        var small = await store.ReadOrganizationAsync("small", default);

        Assert.Equal([new DimensionCount("big", 2)], snapshot.Organizations);
        Assert.Equal(2, snapshot.ActiveOrganizations);
        Assert.Equal(2, small.Users);
        Assert.Equal([new("payroll", 1), new DimensionCount("tax", 1)], small.Modules);
    }

    [Fact]
    public async Task Snapshot_SessionThatMovedModule_CountsInItsCurrentModuleOnly()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1", "tax", "org-1"), Activity.Of("u2", "s2", "tax", "org-1")], default);
        Time.Advance(TimeSpan.FromSeconds(5));

        await store.RecordAsync([Activity.Of("u1", "s1", "payroll", "org-1")], default);
        var snapshot = await store.ReadSnapshotAsync(default);
        var tax = await store.ReadModuleAsync("tax", default);

        Assert.Equal([new("payroll", 1), new DimensionCount("tax", 1)], snapshot.Modules);
        Assert.Equal(1, tax.Users);
        Assert.Equal([new DimensionCount("org-1", 1)], tax.Organizations);
    }

    [Fact]
    public async Task Snapshot_Breakdowns_AreOrderedMostUsersFirstThenById()
    {
        var store = await NewStoreAsync();

        await store.RecordAsync(
        [
            Activity.Of("u1", "s1", "b-module", "org-b"), Activity.Of("u2", "s2", "a-module", "org-a"),
            Activity.Of("u3", "s3", "c-module", "org-c"), Activity.Of("u4", "s4", "c-module", "org-c"),
        ], default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(["c-module", "a-module", "b-module"], snapshot.Modules.Select(module => module.Id));
        Assert.Equal(["org-c", "org-a", "org-b"], snapshot.Organizations.Select(organization => organization.Id));
    }

    [Fact]
    public async Task Snapshot_ActivityExactlyOneWindowOld_IsStillCounted()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1")], default);

        Time.Advance(Options.ActivityWindow);

        Assert.Equal(1, (await store.ReadSnapshotAsync(default)).ConcurrentUsers);
    }

    [Fact]
    public async Task Snapshot_ActivityOlderThanWindow_IsNotCounted()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1"), Activity.Of("u2", "s2")], default);
        Time.Advance(TimeSpan.FromSeconds(30));
        await store.RecordAsync([Activity.Of("u2", "s2")], default);

        Time.Advance(TimeSpan.FromSeconds(31));
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(1, snapshot.ConcurrentUsers);
        Assert.Equal(1, snapshot.ActiveSessions);
        Assert.Equal([new DimensionCount("accounting", 1)], snapshot.Modules);
    }

    [Fact]
    public async Task Logout_OnlySession_StopsCountingUserAtOnce()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1", "tax", "org-9")], default);

        await store.RecordAsync([Activity.Of("u1", "s1", "tax", "org-9", active: false)], default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(0, snapshot.ConcurrentUsers);
        Assert.Equal(0, snapshot.ActiveSessions);
        Assert.Empty(snapshot.Modules);
        Assert.Empty(snapshot.Organizations);
        Assert.Equal(0, (await store.ReadOrganizationAsync("org-9", default)).Users);
        Assert.Equal(0, (await store.ListSessionsAsync(new SessionQuery(), default)).Total);
    }

    [Fact]
    public async Task Logout_OneOfTwoSessions_KeepsUserCountedThroughTheOther()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1", "accounting"), Activity.Of("u1", "s2", "tax")], default);

        await store.RecordAsync([Activity.Of("u1", "s2", "tax", active: false)], default);
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(1, snapshot.ConcurrentUsers);
        Assert.Equal(1, snapshot.ActiveSessions);
        Assert.Equal([new DimensionCount("accounting", 1)], snapshot.Modules);
    }

    [Fact]
    public async Task Logout_UserFallsBackToOtherSessionsLastActivity()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "old")], default);
        Time.Advance(TimeSpan.FromSeconds(50));
        await store.RecordAsync([Activity.Of("u1", "new")], default);
        await store.RecordAsync([Activity.Of("u1", "new", active: false)], default);

        Time.Advance(TimeSpan.FromSeconds(11));
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(0, snapshot.ConcurrentUsers);
        Assert.Empty(snapshot.Modules);
    }

    [Fact]
    public async Task Logout_UnknownSession_ChangesNothing()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1")], default);

        await store.RecordAsync([Activity.Of("u1", "never-seen", active: false)], default);

        Assert.Equal(1, (await store.ReadSnapshotAsync(default)).ActiveSessions);
    }

    [Fact]
    public async Task Heartbeat_AfterLogout_StartsTheSessionAgain()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1"), Activity.Of("u1", "s1", active: false)], default);
        Time.Advance(TimeSpan.FromSeconds(5));

        await store.RecordAsync([Activity.Of("u1", "s1")], default);
        var session = Assert.Single((await store.ListSessionsAsync(new SessionQuery(), default)).Sessions);

        Assert.Equal(Time.GetUtcNow(), session.StartedAt);
    }

    [Fact]
    public async Task Record_SessionHeldByAnotherUser_IsRefusedAndChangesNothing()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("alice", "hx-1", "tax", "acme")], default);

        var taken = await store.RecordAsync([Activity.Of("mallory", "hx-1", "payroll", "evilcorp")], default);
        var snapshot = await store.ReadSnapshotAsync(default);
        var session = Assert.Single((await store.ListSessionsAsync(new SessionQuery(), default)).Sessions);

        Assert.Equal([0], taken);
        Assert.Equal((1, 1), (snapshot.ConcurrentUsers, snapshot.ActiveSessions));
        Assert.Equal([new DimensionCount("acme", 1)], snapshot.Organizations);
        Assert.Equal(("alice", "acme", "tax"), (session.UserId, session.OrganizationId, session.ModuleId));
    }

    [Fact]
    public async Task Record_LogoutForASessionHeldByAnotherUser_IsRefused()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("alice", "hx-1")], default);

        var taken = await store.RecordAsync([Activity.Of("mallory", "hx-1", active: false)], default);

        Assert.Equal([0], taken);
        Assert.Equal(1, (await store.ReadSnapshotAsync(default)).ActiveSessions);
    }

    [Fact]
    public async Task Record_BatchNamingAnotherUsersSession_RecordsNone()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("alice", "hx-1")], default);

        // Sessions on many shards, so that a store checking shard by shard is tested too.
        var taken = await store.RecordAsync(
            [.. Enumerable.Range(0, 40).Select(i => Activity.Of("mallory", $"m-{i}")), Activity.Of("mallory", "hx-1")], default);

        Assert.Equal([40], taken);
        Assert.Equal(1, (await store.ReadSnapshotAsync(default)).ActiveSessions);
        Assert.Empty(await store.RecordAsync([.. Enumerable.Range(0, 40).Select(i => Activity.Of("bob", $"m-{i}"))], default));
    }

    [Fact]
    public async Task Record_OneSessionForTwoUsersInOneBatch_RefusesTheSecond()
    {
        var store = await NewStoreAsync();

        var taken = await store.RecordAsync([Activity.Of("alice", "hx-1"), Activity.Of("mallory", "hx-1")], default);

        Assert.Equal([1], taken);
        Assert.Equal(0, (await store.ReadSnapshotAsync(default)).ActiveSessions);
    }

    [Fact]
    public async Task Record_SessionEndedByItsOwner_MayBeOpenedByAnotherUser()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("alice", "hx-1", organization: "acme"), Activity.Of("alice", "hx-1", active: false)], default);

        var taken = await store.RecordAsync([Activity.Of("bob", "hx-1", organization: "bobco")], default);

        Assert.Empty(taken);
        Assert.Equal([new DimensionCount("bobco", 1)], (await store.ReadSnapshotAsync(default)).Organizations);
    }

    [Fact]
    public async Task Record_SessionSilentLongerThanTheTtl_MayBeOpenedByAnotherUser()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("alice", "hx-1")], default);
        Time.Advance(Options.SessionTtl + TimeSpan.FromMilliseconds(1));

        var taken = await store.RecordAsync([Activity.Of("bob", "hx-1")], default);
        var session = Assert.Single((await store.ListSessionsAsync(new SessionQuery(), default)).Sessions);

        Assert.Empty(taken);
        Assert.Equal(("bob", Time.GetUtcNow()), (session.UserId, session.StartedAt));
    }

    [Fact]
    public async Task Tracker_SessionHeldByAnotherUser_IsRefusedNamingTheItemAndQueuesNothing()
    {
        var store = await NewStoreAsync();
        var queue = NewSessionQueue();
        var tracker = new ActivityTracker(store, NewModuleBound(store), queue);
        await tracker.TrackAsync(Activity.Of("alice", "hx-1"), default);

        var result = await tracker.TrackBatchAsync([Activity.Of("mallory", "m-1"), Activity.Of("mallory", "hx-1")], default);

        Assert.True(result.SessionTaken);
        Assert.Equal([new ValidationError("activities[1].sessionId", "Session hx-1 belongs to another user.")], result.Errors);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task Tracker_FiftyThousandDistinctModules_CountsThosePastTheBoundUnderOther()
    {
        var store = await NewStoreAsync();
        var tracker = new ActivityTracker(store, NewModuleBound(store), NewSessionQueue());

        foreach (var batch in Enumerable.Range(0, 50_000).Chunk(ActivityTracker.MaxBatchSize))
        {
            Assert.True((await tracker.TrackBatchAsync([.. batch.Select(i => Activity.Of($"u{i}", $"s{i}", module: $"m{i}"))], default)).IsValid);
        }

        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(Options.MaxModules + 1, snapshot.Modules.Count);
        Assert.Equal(new DimensionCount(ModuleBound.Other, 50_000 - Options.MaxModules), snapshot.Modules[0]);
        Assert.Equal(50_000, snapshot.ConcurrentUsers);
    }

    [Fact]
    public async Task Tracker_ModuleOutsideTheAllowList_IsCountedUnderOther()
    {
        Options.Modules = ["tax", "payroll"];
        var store = await NewStoreAsync();
        var bound = NewModuleBound(store);
        var tracker = new ActivityTracker(store, bound, NewSessionQueue());

        await tracker.TrackBatchAsync([Activity.Of("u1", "s1", "tax"), Activity.Of("u2", "s2", "made-up"), Activity.Of("u3", "s3", "other")], default);

        Assert.Equal(
            [new DimensionCount("other", 2), new DimensionCount("tax", 1)], (await store.ReadSnapshotAsync(default)).Modules);
        Assert.Equal(1, bound.CountedAsOther);
    }

    [Fact]
    public async Task ReadModule_SplitsUsersByOrganization()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync(
        [
            Activity.Of("u1", "s1", "tax", "org-a"), Activity.Of("u2", "s2", "tax", "org-a"),
            Activity.Of("u3", "s3", "tax", "org-b"), Activity.Of("u4", "s4", "payroll", "org-a"),
        ], default);

        var tax = await store.ReadModuleAsync("tax", default);

        Assert.Equal(3, tax.Users);
        Assert.Equal([new DimensionCount("org-a", 2), new DimensionCount("org-b", 1)], tax.Organizations);
    }

    [Fact]
    public async Task ReadOrganization_SplitsUsersByModule()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync(
        [
            Activity.Of("u1", "s1", "tax", "org-a"), Activity.Of("u1", "s5", "payroll", "org-a"),
            Activity.Of("u2", "s2", "tax", "org-a"), Activity.Of("u3", "s3", "tax", "org-b"),
        ], default);

        var organization = await store.ReadOrganizationAsync("org-a", default);

        Assert.Equal(2, organization.Users);
        Assert.Equal([new DimensionCount("tax", 2), new DimensionCount("payroll", 1)], organization.Modules);
    }

    [Fact]
    public async Task ReadModuleAndOrganization_Unknown_AreZeroNotErrors()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1")], default);

        var module = await store.ReadModuleAsync("no-such-module", default);
        var organization = await store.ReadOrganizationAsync("no-such-org", default);

        Assert.Equal(0, module.Users);
        Assert.Empty(module.Organizations);
        Assert.Equal(0, organization.Users);
        Assert.Empty(organization.Modules);
    }

    [Fact]
    public async Task Snapshot_ThousandsStopCountingAtOnce_CountsExactly()
    {
        // One shard, so a store that counts out a bounded number of users per call needs several calls.
        Options.Shards = 1;
        var store = await NewStoreAsync();
        // 2,500 users, 250 per millisecond; users from 1,300 on have a second session.
        for (var millisecond = 0; millisecond < 10; millisecond++)
        {
            await store.RecordAsync([.. Enumerable.Range(millisecond * 250, 250).SelectMany(user => user < 1300
                ? new[] { Activity.Of($"u{user}", $"s{user}", "tax", $"org-{user % 7}") }
                : [Activity.Of($"u{user}", $"s{user}", "tax", $"org-{user % 7}"), Activity.Of($"u{user}", $"t{user}", "hr", $"org-{user % 7}")])],
                default);
            Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var all = await store.ReadSnapshotAsync(default);
        // The window now starts 5 ms after the first heartbeats: the first 1,250 users stop counting.
        Time.Advance(Options.ActivityWindow - TimeSpan.FromMilliseconds(5));
        var half = await store.ReadSnapshotAsync(default);
        Time.Advance(TimeSpan.FromSeconds(1));
        var none = await store.ReadSnapshotAsync(default);

        Assert.Equal((2500, 3700), (all.ConcurrentUsers, all.ActiveSessions));
        Assert.Equal((1250, 2450), (half.ConcurrentUsers, half.ActiveSessions));
        Assert.Equal([new("tax", 1250), new DimensionCount("hr", 1200)], half.Modules);
        Assert.Equal(1250, half.Organizations.Sum(organization => organization.Users));
        Assert.Equal((0, 0), (none.ConcurrentUsers, none.ActiveSessions));
        Assert.Empty(none.Modules);
        Assert.Empty(none.Organizations);
    }

    [Fact]
    public async Task ListSessions_KeepsStartAndShowsLatestHeartbeat()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1", "accounting", "org-1")], default);
        Time.Advance(TimeSpan.FromSeconds(20));
        await store.RecordAsync([Activity.Of("u1", "s1", "tax", "org-1") with { UserAgent = null, IpAddress = "::1" }], default);

        var session = Assert.Single((await store.ListSessionsAsync(new SessionQuery(), default)).Sessions);

        Assert.Equal(
            new ActiveSession("s1", "u1", "org-1", "tax", null, "::1", Start, Start.AddSeconds(20)),
            session);
    }

    [Fact]
    public async Task ListSessions_UserAgentWithSeparators_IsKeptWhole()
    {
        var store = await NewStoreAsync();
        const string agent = "Tool/1.0 | build 7\nsecond line";
        await store.RecordAsync([Activity.Of("u1", "s1", "tax", "org-1") with { UserAgent = agent, ResponseTimeMs = 120 }], default);

        var session = Assert.Single((await store.ListSessionsAsync(new SessionQuery(), default)).Sessions);

        Assert.Equal(agent, session.UserAgent);
        Assert.Equal(new DimensionCount("tax", 1), Assert.Single((await store.ReadSnapshotAsync(default)).Modules));
    }

    [Fact]
    public async Task ListSessions_BatchFromSeveralBrowsers_KeepsEachSessionsAgent()
    {
        var store = await NewStoreAsync();
        string?[] agents = ["Browser A/1.0", null, "Browser B/2.0 | x", "curl/8.5.0"];
        var batch = Enumerable.Range(0, 12)
            .Select(i => Activity.Of($"u{i}", $"s{i}") with { UserAgent = agents[i % agents.Length] })
            .ToList();

        await store.RecordAsync(batch, default);
        // Again in reverse order, so the agents come in another order than they were first sent in.
        Time.Advance(TimeSpan.FromSeconds(5));
        await store.RecordAsync([.. Enumerable.Reverse(batch)], default);

        var listed = (await store.ListSessionsAsync(new SessionQuery { PageSize = 100 }, default)).Sessions
            .ToDictionary(session => session.SessionId, session => session.UserAgent);
        Assert.Equal(batch.ToDictionary(activity => activity.SessionId, activity => activity.UserAgent), listed);
    }

    [Fact]
    public async Task ListSessions_UserAgentSharedBySessions_StaysWithEachUntilItChangesOrEnds()
    {
        var store = await NewStoreAsync();
        var browser = Activity.Of("u1", "s1").UserAgent;
        await store.RecordAsync([Activity.Of("u1", "s1"), Activity.Of("u1", "s2"), Activity.Of("u1", "s3")], default);

        await store.RecordAsync([Activity.Of("u1", "s1", active: false), Activity.Of("u1", "s2") with { UserAgent = "curl/8.5.0" }], default);
        var agents = (await store.ListSessionsAsync(new SessionQuery { UserId = "u1" }, default)).Sessions
            .ToDictionary(session => session.SessionId, session => session.UserAgent);
        await store.RecordAsync([Activity.Of("u1", "s2", active: false), Activity.Of("u1", "s3", active: false)], default);
        await store.RecordAsync([Activity.Of("u1", "s4")], default);

        Assert.Equal(new Dictionary<string, string?> { ["s2"] = "curl/8.5.0", ["s3"] = browser }, agents);
        Assert.Equal(browser, Assert.Single((await store.ListSessionsAsync(new SessionQuery(), default)).Sessions).UserAgent);
    }

    [Fact]
    public async Task ListSessions_PagesMostRecentFirst()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 7; i++)
        {
            await store.RecordAsync([Activity.Of($"user-{i}", $"session-{i}")], default);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await store.ListSessionsAsync(new SessionQuery { PageSize = 3 }, default);
        var third = await store.ListSessionsAsync(new SessionQuery { PageSize = 3, Offset = 6 }, default);

        Assert.Equal(7, first.Total);
        Assert.Equal(["session-6", "session-5", "session-4"], first.Sessions.Select(session => session.SessionId));
        Assert.Equal(["session-0"], third.Sessions.Select(session => session.SessionId));
    }

    [Fact]
    public async Task ListSessions_FiltersByModuleOrganizationAndUser()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync(
        [
            Activity.Of("u1", "s1", "tax", "org-a"), Activity.Of("u1", "s2", "payroll", "org-a"),
            Activity.Of("u2", "s3", "tax", "org-b"), Activity.Of("u3", "s4", "tax", "org-a"),
        ], default);

        async Task<string[]> Ids(SessionQuery query) =>
            [.. (await store.ListSessionsAsync(query, default)).Sessions.Select(session => session.SessionId).Order()];

        Assert.Equal(["s1", "s3", "s4"], await Ids(new SessionQuery { ModuleId = "tax" }));
        Assert.Equal(["s1", "s2", "s4"], await Ids(new SessionQuery { OrganizationId = "org-a" }));
        Assert.Equal(["s1", "s2"], await Ids(new SessionQuery { UserId = "u1" }));
        Assert.Equal(["s1", "s4"], await Ids(new SessionQuery { ModuleId = "tax", OrganizationId = "org-a" }));
        Assert.Equal(["s2"], await Ids(new SessionQuery { UserId = "u1", ModuleId = "payroll" }));
        Assert.Empty(await Ids(new SessionQuery { UserId = "nobody" }));
    }

    [Fact]
    public async Task ListSessions_SessionThatMovedModule_IsListedUnderItsCurrentModuleOnly()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1", "tax")], default);
        await store.RecordAsync([Activity.Of("u1", "s1", "payroll")], default);

        var tax = await store.ListSessionsAsync(new SessionQuery { ModuleId = "tax" }, default);
        var payroll = await store.ListSessionsAsync(new SessionQuery { ModuleId = "payroll" }, default);

        Assert.Equal(0, tax.Total);
        Assert.Equal(1, payroll.Total);
    }

    [Fact]
    public async Task Cleanup_RemovesOnlySessionsOlderThanTtl_AndIsIdempotent()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("gone", "s-gone", "tax", "org-gone")], default);
        Time.Advance(Options.SessionTtl);
        await store.RecordAsync([Activity.Of("here", "s-here")], default);
        Time.Advance(TimeSpan.FromSeconds(1));

        var first = await store.CleanupAsync(default);
        var second = await store.CleanupAsync(default);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var snapshot = await store.ReadSnapshotAsync(default);
        Assert.Equal(1, snapshot.ConcurrentUsers);
        Assert.Equal(1, snapshot.ActiveSessions);
        Assert.Equal(1, (await store.ListSessionsAsync(new SessionQuery(), default)).Total);
        Assert.Equal(0, (await store.ListSessionsAsync(new SessionQuery { UserId = "gone" }, default)).Total);
    }

    [Fact]
    public async Task Cleanup_ManyExpiredSessions_RemovesThemAll()
    {
        Options.Shards = 1;
        var store = await NewStoreAsync();
        var activities = Enumerable.Range(0, 2500)
            .Select(i => Activity.Of($"user-{i}", $"session-{i}", $"module-{i % 3}", $"org-{i % 40}"))
            .ToList();
        foreach (var batch in activities.Chunk(ActivityTracker.MaxBatchSize))
        {
            await store.RecordAsync(batch, default);
        }

        Time.Advance(Options.SessionTtl + TimeSpan.FromSeconds(1));
        var removed = await store.CleanupAsync(default);

        Assert.Equal(2500, removed);
        Assert.Equal(0, await store.CleanupAsync(default));
    }

    [Fact]
    public async Task Record_ManyParallelHeartbeats_GiveExactCounts()
    {
        var store = await NewStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await store.RecordAsync([Activity.Of($"user-{worker}-{i}", $"session-{worker}-{i}")], default);
                await store.RecordAsync([Activity.Of("shared-user", $"shared-{worker}-{i}", "tax")], default);
            }
        })));
        var snapshot = await store.ReadSnapshotAsync(default);

        Assert.Equal(1001, snapshot.ConcurrentUsers);
        Assert.Equal(2000, snapshot.ActiveSessions);
        Assert.Equal([new DimensionCount("accounting", 1000), new DimensionCount("tax", 1)], snapshot.Modules);
    }

    [Fact]
    public async Task ReadPerformance_RequestsAcrossShards_GivePercentilesAndErrorRatePerModuleAndOverall()
    {
        var store = await NewStoreAsync();
        var activities = Enumerable.Range(1, 200).Select(i => Activity.Of($"user-{i}", $"s-{i}", i % 2 == 0 ? "tax" : "payroll") with
        {
            ResponseTimeMs = i,
            IsError = i % 2 == 0 && i % 10 == 0,
        }).ToList();

        await store.RecordAsync(activities, default);
        await store.RecordAsync([Activity.Of("no-latency", "s-x", "tax")], default);
        var performance = await store.ReadPerformanceAsync(Time.GetUtcNow().AddMinutes(-5), Time.GetUtcNow(), default);

        Assert.Equal(200, performance.Overall.Requests);
        Assert.Equal(20, performance.Overall.Errors);
        Assert.Equal(0.1, performance.Overall.ErrorRate, precision: 10);
        Assert.InRange(performance.Overall.P50!.Value, 100 * 0.98, 100 * 1.02);
        Assert.InRange(performance.Overall.P99!.Value, 198 * 0.98, 198 * 1.02);
        Assert.Equal(["payroll", "tax"], performance.Modules.Keys);
        Assert.Equal(100, performance.Modules["tax"].Requests);
        Assert.Equal(0.2, performance.Modules["tax"].ErrorRate, precision: 10);
        Assert.Equal(0, performance.Modules["payroll"].Errors);
    }

    [Fact]
    public async Task ReadPerformance_Window_CountsOnlyItsMinutes()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1") with { ResponseTimeMs = 900 }], default);
        Time.Advance(TimeSpan.FromMinutes(3));
        await store.RecordAsync([Activity.Of("u1", "s1") with { ResponseTimeMs = 100, IsError = true }], default);

        var lastMinute = await store.ReadPerformanceAsync(Time.GetUtcNow().AddMinutes(-1), Time.GetUtcNow(), default);
        var lastFive = await store.ReadPerformanceAsync(Time.GetUtcNow().AddMinutes(-5), Time.GetUtcNow(), default);

        Assert.Equal(1, lastMinute.Overall.Requests);
        Assert.Equal(1, lastMinute.Overall.ErrorRate);
        Assert.Equal(2, lastFive.Overall.Requests);
        Assert.InRange(lastFive.Overall.P99!.Value, 900 * 0.98, 900 * 1.02);
        var firstMinute = await store.ReadPerformanceAsync(Time.GetUtcNow().AddMinutes(-3), Time.GetUtcNow().AddMinutes(-3), default);
        Assert.Equal(1, firstMinute.Overall.Requests);
        Assert.Equal(0, firstMinute.Overall.Errors);
    }

    [Fact]
    public async Task RecordLatencies_CountedElsewhere_AddToTheModulesMinute()
    {
        var store = await NewStoreAsync();
        var requests = new Dashboard.Core.Performance.LatencyHistogram();
        requests.Record(20);
        requests.Record(40, isError: true);

        await store.RecordLatenciesAsync("dashboard-api", requests, default);
        await store.RecordLatenciesAsync("dashboard-api", requests, default);
        var performance = await store.ReadPerformanceAsync(Time.GetUtcNow(), Time.GetUtcNow(), default);

        Assert.Equal(4, performance.Modules["dashboard-api"].Requests);
        Assert.Equal(0.5, performance.Modules["dashboard-api"].ErrorRate, precision: 10);
    }

    [Fact]
    public async Task ReadPerformance_NoRequests_IsEmpty()
    {
        var store = await NewStoreAsync();
        await store.RecordAsync([Activity.Of("u1", "s1")], default);

        var performance = await store.ReadPerformanceAsync(Time.GetUtcNow().AddMinutes(-5), Time.GetUtcNow(), default);

        Assert.Equal(0, performance.Overall.Requests);
        Assert.Null(performance.Overall.P95);
        Assert.Empty(performance.Modules);
    }

    [Fact]
    public async Task Tracker_InvalidBatchItem_RefusesTheWholeBatchAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var queue = NewSessionQueue();
        var tracker = new ActivityTracker(store, NewModuleBound(store), queue);

        var result = await tracker.TrackBatchAsync(
            [Activity.Of("u1", "s1"), Activity.Of("u2", "s2") with { IpAddress = "999.1.1.1" }], default);

        Assert.False(result.IsValid);
        Assert.Equal([new ValidationError("activities[1].ipAddress", "ipAddress must be a valid IPv4 or IPv6 address.")], result.Errors);
        Assert.Equal(0, (await store.ReadSnapshotAsync(default)).ActiveSessions);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Tracker_InvalidActivity_ListsEveryProblemAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var queue = NewSessionQueue();
        var tracker = new ActivityTracker(store, NewModuleBound(store), queue);

        var result = await tracker.TrackAsync(
            new ActivityEvent { UserId = "", OrganizationId = "org 1", SessionId = new string('s', 129), ModuleId = "ok" },
            default);

        Assert.Equal(["userId", "organizationId", "sessionId"], result.Errors.Select(error => error.Field));
        Assert.Equal(0, (await store.ReadSnapshotAsync(default)).ActiveSessions);
        Assert.Equal(0, queue.Count);
    }
}
