using Dashboard.Core.Alerts;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>The retention job deletes exactly what is past its retention, in batches. Retention here: minute rows 365 days, hourly 1825.</summary>
public abstract class RetentionContract : HistoryDatabaseContract
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Dashboard:Retention:BatchSize"] = "10",
    };

    private HistoryRetention Retention => Services.GetRequiredService<HistoryRetention>();

    [Fact]
    public async Task RunOnceAsync_UsageRows_DeletesMinutesAfterAYearAndHoursAfterFiveYears()
    {
        await AddAsync(
            Overall(HistoryGranularity.Minute, Start.AddDays(-366)), Overall(HistoryGranularity.Minute, Start.AddDays(-364)),
            Overall(HistoryGranularity.Hour, Start.AddDays(-1826)), Overall(HistoryGranularity.Hour, Start.AddDays(-366)),
            Module(HistoryGranularity.Minute, Start.AddDays(-366)), Module(HistoryGranularity.Hour, Start.AddDays(-1824)),
            Organization(HistoryGranularity.Minute, Start.AddDays(-400)), Organization(HistoryGranularity.Minute, Start.AddHours(-1)));

        var deleted = await Retention.RunOnceAsync(default);

        await using var context = await ContextAsync();
        Assert.Equal(4, deleted);
        Assert.Equal(
            [(HistoryGranularity.Minute, Start.AddDays(-364)), (HistoryGranularity.Hour, Start.AddDays(-366))],
            (await context.ConcurrentUsersHistory.OrderBy(row => row.BucketStart).ToListAsync())
                .Select(row => (row.Granularity, row.BucketStart)).OrderBy(row => row.Granularity));
        Assert.Equal(HistoryGranularity.Hour, Assert.Single(await context.ModuleUsageTracking.ToListAsync()).Granularity);
        Assert.Equal(Start.AddHours(-1), Assert.Single(await context.OrganizationUsageHistory.ToListAsync()).BucketStart);
    }

    [Fact]
    public async Task RunOnceAsync_SessionsAlertsAndMetrics_DeletesOnlyWhatEndedLongAgo()
    {
        await AddAsync(
            Session("ended-long-ago", active: false, Start.AddDays(-400)),
            Session("ended-lately", active: false, Start.AddDays(-10)),
            Session("open-but-old", active: true, Start.AddDays(-400)),
            Alert("resolved-long-ago", AlertStatus.Resolved, Start.AddDays(-400)),
            Alert("resolved-lately", AlertStatus.Resolved, Start.AddDays(-10)),
            Alert("active-old", AlertStatus.Active, null),
            new PerformanceMetric { ModuleId = PerformanceMetric.AllModules, BucketStart = Start.AddDays(-366) },
            new PerformanceMetric { ModuleId = PerformanceMetric.AllModules, BucketStart = Start.AddDays(-1) },
            new ResourceUtilization { InstanceId = "web-1", BucketStart = Start.AddDays(-366) },
            new ResourceUtilization { InstanceId = "web-1", BucketStart = Start.AddDays(-1) });

        var deleted = await Retention.RunOnceAsync(default);

        await using var context = await ContextAsync();
        Assert.Equal(4, deleted);
        Assert.Equal(["ended-lately", "open-but-old"], (await context.UserSessions.ToListAsync()).Select(session => session.SessionId).Order());
        Assert.Equal(["active-old", "resolved-lately"], (await context.PerformanceAlerts.ToListAsync()).Select(alert => alert.AlertType).Order());
        Assert.Equal(Start.AddDays(-1), Assert.Single(await context.PerformanceMetrics.ToListAsync()).BucketStart);
        Assert.Equal(Start.AddDays(-1), Assert.Single(await context.ResourceUtilization.ToListAsync()).BucketStart);
    }

    [Fact]
    public async Task RunOnceAsync_MoreExpiredRowsThanABatch_DeletesThemAll()
    {
        await AddAsync([.. Enumerable.Range(0, 25).Select(day => (object)Overall(HistoryGranularity.Minute, Start.AddDays(-366 - day))),
            Overall(HistoryGranularity.Minute, Start.AddDays(-1))]);

        var deleted = await Retention.RunOnceAsync(default);

        await using var context = await ContextAsync();
        Assert.Equal(25, deleted);
        Assert.Equal(Start.AddDays(-1), Assert.Single(await context.ConcurrentUsersHistory.ToListAsync()).BucketStart);
    }

    private static ConcurrentUsersHistory Overall(HistoryGranularity granularity, DateTimeOffset bucket) =>
        new() { Granularity = granularity, BucketStart = bucket, PeakAt = bucket };

    private static ModuleUsageTracking Module(HistoryGranularity granularity, DateTimeOffset bucket) =>
        new() { ModuleId = "tax", Granularity = granularity, BucketStart = bucket, PeakAt = bucket };

    private static OrganizationUsageHistory Organization(HistoryGranularity granularity, DateTimeOffset bucket) =>
        new() { OrganizationId = "org-1", Granularity = granularity, BucketStart = bucket, PeakAt = bucket };

    private static UserSession Session(string id, bool active, DateTimeOffset last) => new()
    {
        SessionId = id, UserId = "u1", OrganizationId = "org-1", ModuleId = "tax",
        StartedAt = last.AddHours(-1), LastActivityAt = last, EndedAt = active ? null : last, IsActive = active,
    };

    private static PerformanceAlert Alert(string type, AlertStatus status, DateTimeOffset? resolved) => new()
    {
        RuleId = $"rule-{Guid.NewGuid():N}", AlertType = type, Scope = "overall", Severity = AlertSeverity.Warning, Status = status,
        TriggeredAt = Start.AddDays(-500), ResolvedAt = resolved,
    };
}
