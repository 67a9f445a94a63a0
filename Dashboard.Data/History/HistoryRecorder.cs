using Dashboard.Core.Configuration;
using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.History;

/// <summary>
/// Turns each poll's snapshot into history: the 10-second sample (kept with the live store), the minute rows of
/// every scope, and the hourly rollups. Minute rows are rebuilt from all the samples of their minute and hourly rows
/// from all the minute rows of their hour, so recording the same minute again, from this instance or another one,
/// leaves one correct row. While the database is down nothing is lost: the samples wait in the live store, and the
/// first write after the outage rebuilds every minute since the last one written, as far back as
/// <see cref="PersistenceOptions.HistoryBackfill"/>; older minutes are dropped and counted in <see cref="DroppedMinutes"/>.
/// </summary>
public sealed class HistoryRecorder(
    ILiveSampleStore samples, IDbContextFactory<HistoryDbContext> contexts, IOptions<PersistenceOptions>? options = null)
{
    private readonly TimeSpan _backfill = options?.Value.HistoryBackfill ?? new PersistenceOptions().HistoryBackfill;

    // The newest minute this instance has written; the poller records one snapshot at a time.
    private DateTimeOffset? _writtenThrough;
    private long _droppedMinutes;

    /// <summary>
    /// Minutes not brought up to date (never written, or written before their last samples) because the database was
    /// down for longer than the backfill, since start.
    /// </summary>
    public long DroppedMinutes => Interlocked.Read(ref _droppedMinutes);

    private static readonly string[] UserColumns =
    [
        nameof(UsageRow.MinUsers), nameof(UsageRow.AvgUsers), nameof(UsageRow.MaxUsers),
        nameof(UsageRow.PeakAt), nameof(UsageRow.SampleCount),
    ];

    /// <summary>
    /// Records one poll. The minute before the snapshot's is rebuilt too: another instance may have added its last
    /// samples after this one last wrote it. Throws <see cref="StoreUnavailableException"/> when a store is down.
    /// </summary>
    public async Task RecordAsync(LiveSnapshot snapshot, CancellationToken cancellationToken)
    {
        await samples.AppendAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var minute = TimeBuckets.Floor(snapshot.Timestamp, TimeBuckets.Minute);
        var (since, dropped) = FirstMinuteToWrite(minute);
        var series = await samples.ReadAllScopesAsync(since, minute + TimeBuckets.Minute, cancellationToken).ConfigureAwait(false);
        var hours = new List<DateTimeOffset>();
        for (var hour = TimeBuckets.Floor(since, TimeBuckets.Hour); hour <= minute; hour += TimeBuckets.Hour)
        {
            hours.Add(hour);
        }

        await DatabaseErrors.RunAsync(() => WriteAsync(series, hours, cancellationToken)).ConfigureAwait(false);
        _writtenThrough = minute;
        Interlocked.Add(ref _droppedMinutes, dropped);
    }

    // The minute before is always rebuilt; after an outage, every minute since the last one written (which may have
    // missed its last samples), but none older than the backfill: those, the last one written among them, are dropped.
    private (DateTimeOffset Since, long Dropped) FirstMinuteToWrite(DateTimeOffset minute)
    {
        var since = minute - TimeBuckets.Minute;
        if (_writtenThrough is not { } written || written >= since)
        {
            return (since, 0);
        }

        var oldest = TimeBuckets.Floor(minute - _backfill, TimeBuckets.Minute);
        return written >= oldest
            ? (written, 0)
            : (oldest, (oldest - written).Ticks / TimeBuckets.Minute.Ticks);
    }

    private async Task WriteAsync(
        IReadOnlyDictionary<HistoryScope, IReadOnlyList<LiveSample>> series, IReadOnlyList<DateTimeOffset> hours, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await UpsertMinutesAsync(context, series, cancellationToken).ConfigureAwait(false);
                foreach (var hour in hours)
                {
                    await HourRollup.RebuildAsync(context, hour, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Samples of a minute only ever grow, so a row rebuilt from fewer of them than the stored one was read before another
    // instance added its sample, and must not replace the row that instance wrote.
    private static async Task UpsertMinutesAsync(
        HistoryDbContext context, IReadOnlyDictionary<HistoryScope, IReadOnlyList<LiveSample>> series, CancellationToken cancellationToken)
    {
        var overall = MinuteSummary.Of(series[HistoryScope.Overall])
            .Select(minute => minute.ToRow(new ConcurrentUsersHistory { MaxSessions = minute.MaxSessions }))
            .ToList();
        // A scope with no users in a whole minute needs no row: a missing row reads as zero.
        // In one order on every instance, so two writing the same rows take their locks alike and never deadlock.
        var scoped = series
            .Where(entry => entry.Key.Kind != HistoryScopeKind.Overall)
            .OrderBy(entry => entry.Key.Id, StringComparer.Ordinal)
            .SelectMany(entry => MinuteSummary.Of(entry.Value)
                .Where(minute => minute.MaxUsers > 0)
                .Select(minute => (Scope: entry.Key, Minute: minute)))
            .ToList();
        var modules = scoped
            .Where(row => row.Scope.Kind == HistoryScopeKind.Module)
            .Select(row => row.Minute.ToRow(new ModuleUsageTracking { ModuleId = row.Scope.Id! }))
            .ToList();
        var organizations = scoped
            .Where(row => row.Scope.Kind == HistoryScopeKind.Organization)
            .Select(row => row.Minute.ToRow(new OrganizationUsageHistory { OrganizationId = row.Scope.Id! }))
            .ToList();

        await SqlUpsert<ConcurrentUsersHistory>.OverwriteAsync(context, overall,
            [nameof(UsageRow.Granularity), nameof(UsageRow.BucketStart)], [.. UserColumns, nameof(ConcurrentUsersHistory.MaxSessions)], cancellationToken, nameof(UsageRow.SampleCount)).ConfigureAwait(false);
        // Only the user columns: a module's requests, errors and latency in the same rows are PerformanceRecorder's.
        await SqlUpsert<ModuleUsageTracking>.OverwriteAsync(context, modules,
            [nameof(UsageRow.Granularity), nameof(ModuleUsageTracking.ModuleId), nameof(UsageRow.BucketStart)],
            UserColumns, cancellationToken, nameof(UsageRow.SampleCount)).ConfigureAwait(false);
        await SqlUpsert<OrganizationUsageHistory>.OverwriteAsync(context, organizations,
            [nameof(UsageRow.Granularity), nameof(OrganizationUsageHistory.OrganizationId), nameof(UsageRow.BucketStart)],
            UserColumns, cancellationToken, nameof(UsageRow.SampleCount)).ConfigureAwait(false);
    }
}
