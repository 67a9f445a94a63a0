using Dashboard.Core.Alerts;
using Dashboard.Core.Leases;
using Dashboard.Core.Tracking;
using Dashboard.Data.Configuration;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.History;

/// <summary>
/// Deletes history past its retention, at start and then every <see cref="RetentionOptions.Interval"/>: minute rows
/// after a year, hourly rollups after five, ended sessions and resolved alerts after a year, the audit trail after two (by default). Deletes run
/// in batches of <see cref="RetentionOptions.BatchSize"/> rows, oldest first, so none holds locks for long; only the
/// instance holding the retention lease runs it.
/// </summary>
public sealed partial class HistoryRetention(
    IDbContextFactory<HistoryDbContext> contexts,
    IOptions<RetentionOptions> options,
    JobLeases leases,
    TimeProvider time,
    OutageLog outages,
    ILogger<HistoryRetention> logger) : BackgroundService
{
    private readonly RetentionOptions _options = options.Value;

    /// <summary>Deletes everything past its retention now.</summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var minuteCutoff = now - _options.MinuteRows;
        var hourCutoff = now - _options.HourlyRows;
        var sessionCutoff = now - _options.EndedSessions;
        var alertCutoff = now - _options.ResolvedAlerts;
        var auditCutoff = now - _options.AuditRows;
        (string Table, Func<HistoryDbContext, IQueryable<object>> Expired)[] targets =
        [
            ("concurrent_users_history", context => Expired(context.ConcurrentUsersHistory, minuteCutoff, hourCutoff)),
            ("module_usage_tracking", context => Expired(context.ModuleUsageTracking, minuteCutoff, hourCutoff)),
            ("organization_usage_history", context => Expired(context.OrganizationUsageHistory, minuteCutoff, hourCutoff)),
            ("performance_metrics", context => context.PerformanceMetrics
                .Where(metric => metric.BucketStart < minuteCutoff).OrderBy(metric => metric.BucketStart)),
            ("resource_utilization", context => context.ResourceUtilization
                .Where(resource => resource.BucketStart < minuteCutoff).OrderBy(resource => resource.BucketStart)),
            ("user_sessions", context => context.UserSessions
                .Where(session => !session.IsActive && session.LastActivityAt < sessionCutoff).OrderBy(session => session.Id)),
            ("performance_alerts", context => context.PerformanceAlerts
                .Where(alert => alert.Status == AlertStatus.Resolved && alert.ResolvedAt < alertCutoff).OrderBy(alert => alert.Id)),
            ("audit_log", context => context.AuditLog.Where(entry => entry.At < auditCutoff).OrderBy(entry => entry.At)),
        ];

        long total = 0;
        foreach (var (table, expired) in targets)
        {
            var deleted = await DeleteInBatchesAsync(expired, cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                LogDeleted(logger, deleted, table);
            }

            total += deleted;
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, time);
        try
        {
            do
            {
                try
                {
                    if (await leases.HoldAsync(JobNames.Retention, stoppingToken).ConfigureAwait(false))
                    {
                        await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (DatabaseErrors.IsTransient(exception) && !stoppingToken.IsCancellationRequested)
                {
                    outages.Failed(StoreUnavailableException.HistoryDatabase, exception);
                    LogPostponed(logger, _options.Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the next start carries on where this one stopped.
        }
    }

    private static IQueryable<TRow> Expired<TRow>(IQueryable<TRow> rows, DateTimeOffset minuteCutoff, DateTimeOffset hourCutoff)
        where TRow : UsageRow =>
        rows.Where(row => (row.Granularity == HistoryGranularity.Minute && row.BucketStart < minuteCutoff)
                || (row.Granularity == HistoryGranularity.Hour && row.BucketStart < hourCutoff))
            .OrderBy(row => row.BucketStart);

    private async Task<long> DeleteInBatchesAsync(Func<HistoryDbContext, IQueryable<object>> expired, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                deleted = await expired(context).Take(_options.BatchSize).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            total += deleted;
        }
        while (deleted == _options.BatchSize);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} rows from {Table}")]
    private static partial void LogDeleted(ILogger logger, long count, string table);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The history database is unavailable; retention runs again in {Interval}")]
    private static partial void LogPostponed(ILogger logger, TimeSpan interval);
}
