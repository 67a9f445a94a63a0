using Dashboard.Core.Alerts;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Data;

/// <summary>
/// The four views return what they promise. The summaries cover the last 24 hours by the database's own clock,
/// so these rows are placed relative to the real time, hours away from either edge.
/// </summary>
public abstract class ViewContract : HistoryDatabaseContract
{
    private static readonly DateTimeOffset Now = TruncateToSeconds(TimeProvider.System.GetUtcNow());

    [Fact]
    public async Task CurrentActiveSessions_ListsOpenSessionsOnlyWithTheirDuration()
    {
        await AddAsync(
            Session("open", active: true, Now.AddMinutes(-10), Now.AddMinutes(-1)),
            Session("closed", active: false, Now.AddMinutes(-30), Now.AddMinutes(-20)));

        await using var context = await ContextAsync();
        var session = Assert.Single(await context.CurrentActiveSessions.ToListAsync());

        Assert.Equal(("open", "user-open", "org-1", "tax"), (session.SessionId, session.UserId, session.OrganizationId, session.ModuleId));
        Assert.Equal(Now.AddMinutes(-10), session.StartedAt);
        Assert.Equal(Now.AddMinutes(-1), session.LastActivityAt);
        Assert.Equal(540, session.DurationSeconds);
    }

    [Fact]
    public async Task ModuleUsageSummary_SummarisesTheLast24HoursWithAbsentMinutesAsZero()
    {
        await AddAsync(
            Overall(Now.AddHours(-2)), Overall(Now.AddHours(-3)), Overall(Now.AddHours(-30)),
            Module("tax", Now.AddHours(-2), avg: 4, max: 6, requests: 100, errors: 5),
            Module("tax", Now.AddHours(-30), avg: 40, max: 50, requests: 900, errors: 0),
            Module("payroll", Now.AddHours(-3), avg: 1, max: 1, requests: 0, errors: 0));

        await using var context = await ContextAsync();
        var summaries = await context.ModuleUsageSummaries.OrderBy(summary => summary.ModuleId).ToListAsync();

        Assert.Equal(["payroll", "tax"], summaries.Select(summary => summary.ModuleId));
        var tax = summaries[1];
        Assert.Equal(6, tax.PeakUsers);
        // 4 users over 6 of the 12 samples in the window.
        Assert.Equal(2.0, tax.AvgUsers, precision: 9);
        Assert.Equal((100, 5), (tax.RequestCount, tax.ErrorCount));
        Assert.Equal(0.05, tax.ErrorRate!.Value, precision: 9);
        Assert.Equal(Now.AddHours(-2), tax.LastSeenAt);
        Assert.Null(summaries[0].ErrorRate);
    }

    [Fact]
    public async Task OrganizationUsageSummary_SummarisesTheLast24HoursAndCountsOpenSessions()
    {
        await AddAsync(
            Overall(Now.AddHours(-2)), Overall(Now.AddHours(-3)),
            Organization("org-1", Now.AddHours(-2), avg: 3, max: 5),
            Organization("org-1", Now.AddHours(-3), avg: 1, max: 2),
            Organization("org-1", Now.AddHours(-30), avg: 100, max: 100),
            Session("a", active: true, Now.AddMinutes(-5), Now),
            Session("b", active: true, Now.AddMinutes(-5), Now),
            Session("c", active: false, Now.AddMinutes(-5), Now));

        await using var context = await ContextAsync();
        var summary = Assert.Single(await context.OrganizationUsageSummaries.ToListAsync());

        Assert.Equal("org-1", summary.OrganizationId);
        Assert.Equal(5, summary.PeakUsers);
        Assert.Equal(2.0, summary.AvgUsers, precision: 9);
        Assert.Equal(Now.AddHours(-2), summary.LastSeenAt);
        Assert.Equal(2, summary.ActiveSessions);
    }

    [Fact]
    public async Task PerformanceAlertsSummary_CountsUnresolvedAlertsPerSeverity()
    {
        await AddAsync(
            Alert(AlertSeverity.Critical, AlertStatus.Active, Now.AddMinutes(-50)),
            Alert(AlertSeverity.Critical, AlertStatus.Active, Now.AddMinutes(-10)),
            Alert(AlertSeverity.Critical, AlertStatus.Acknowledged, Now.AddMinutes(-30)),
            Alert(AlertSeverity.Warning, AlertStatus.Active, Now.AddMinutes(-5)),
            Alert(AlertSeverity.Warning, AlertStatus.Resolved, Now.AddMinutes(-90)),
            Alert(AlertSeverity.Info, AlertStatus.Resolved, Now.AddMinutes(-90)));

        await using var context = await ContextAsync();
        var summaries = await context.PerformanceAlertsSummaries.ToListAsync();

        var critical = Assert.Single(summaries, summary => summary.Severity == AlertSeverity.Critical);
        var warning = Assert.Single(summaries, summary => summary.Severity == AlertSeverity.Warning);
        Assert.Equal(2, summaries.Count);
        Assert.Equal((2, 1, Now.AddMinutes(-50), Now.AddMinutes(-10)),
            (critical.ActiveCount, critical.AcknowledgedCount, critical.OldestTriggeredAt, critical.LatestTriggeredAt));
        Assert.Equal((1, 0, Now.AddMinutes(-5), Now.AddMinutes(-5)),
            (warning.ActiveCount, warning.AcknowledgedCount, warning.OldestTriggeredAt, warning.LatestTriggeredAt));
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static UserSession Session(string id, bool active, DateTimeOffset started, DateTimeOffset last) => new()
    {
        SessionId = id,
        UserId = $"user-{id}",
        OrganizationId = "org-1",
        ModuleId = "tax",
        UserAgent = "test",
        IpAddress = "10.0.0.1",
        StartedAt = started,
        LastActivityAt = last,
        EndedAt = active ? null : last,
        IsActive = active,
    };

    private static ConcurrentUsersHistory Overall(DateTimeOffset minute) =>
        Fill(new ConcurrentUsersHistory(), minute, avg: 10, max: 10);

    private static ModuleUsageTracking Module(string id, DateTimeOffset minute, double avg, long max, long requests, long errors) =>
        Fill(new ModuleUsageTracking { ModuleId = id, RequestCount = requests, ErrorCount = errors }, minute, avg, max);

    private static OrganizationUsageHistory Organization(string id, DateTimeOffset minute, double avg, long max) =>
        Fill(new OrganizationUsageHistory { OrganizationId = id }, minute, avg, max);

    private static TRow Fill<TRow>(TRow row, DateTimeOffset minute, double avg, long max)
        where TRow : UsageRow
    {
        row.Granularity = HistoryGranularity.Minute;
        row.BucketStart = minute;
        row.MinUsers = 0;
        row.AvgUsers = avg;
        row.MaxUsers = max;
        row.PeakAt = minute;
        row.SampleCount = 6;
        return row;
    }

    private static PerformanceAlert Alert(AlertSeverity severity, AlertStatus status, DateTimeOffset triggered) => new()
    {
        RuleId = $"rule-{Guid.NewGuid():N}",
        AlertType = "high_concurrency",
        Scope = "overall",
        Severity = severity,
        Threshold = 1000,
        ObservedValue = 1200,
        Status = status,
        TriggeredAt = triggered,
        ResolvedAt = status == AlertStatus.Resolved ? triggered.AddMinutes(5) : null,
    };
}
