using System.Data.Common;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Data.History;

/// <summary>
/// Rebuilds an hour's rows of every scope from that hour's minute rows, in the database, so each rebuild is one
/// statement per table whatever the number of modules and organizations. Rebuilding from scratch makes it idempotent.
/// A module or organization missing from some sampled minutes had no users then: its hourly minimum is 0 and its
/// average is taken over every sample of the hour.
/// </summary>
internal static class HourRollup
{
    public static async Task RebuildAsync(HistoryDbContext context, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var next = hour + TimeBuckets.Hour;
        var coverage = await context.ConcurrentUsersHistory
            .Where(row => row.Granularity == HistoryGranularity.Minute && row.BucketStart >= hour && row.BucketStart < next)
            .GroupBy(_ => 1)
            .Select(minutes => new { Minutes = minutes.Count(), Samples = minutes.Sum(row => row.SampleCount) })
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (coverage is null)
        {
            return;
        }

        var parameters = Parameters(context, hour, next, coverage.Minutes, coverage.Samples);
        string[] statements =
        [
            Sql("concurrent_users_history", scope: null, [("max_sessions", "MAX(m.max_sessions)")]),
            // Users only: a module's requests, errors and latency per hour are PerformanceRecorder's, merged from its
            // minutes' histograms (percentiles do not add up). A row new here starts with none, and keeps them after.
            Sql("module_usage_tracking", "module_id", [], othersColumns: ["request_count", "error_count"]),
            Sql("organization_usage_history", "organization_id", []),
        ];
        foreach (var statement in statements)
        {
            await context.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <param name="extra">The table's own columns, each rebuilt from the hour's minute rows by its aggregate.</param>
    /// <param name="othersColumns">Required columns another writer owns: 0 in a new row, left alone in an existing one.</param>
    private static string Sql(
        string table, string? scope, IReadOnlyList<(string Column, string Aggregate)> extra, IReadOnlyList<string>? othersColumns = null)
    {
        var scopeColumn = scope is null ? "" : $"{scope}, ";
        var scopeValue = scope is null ? "" : $"m.{scope}, ";
        var sameScope = scope is null ? "" : $" AND p.{scope} = m.{scope}";
        othersColumns ??= [];
        var extraColumns = string.Concat(extra.Select(column => $", {column.Column}").Concat(othersColumns.Select(column => $", {column}")));
        var extraValues = string.Concat(extra.Select(column => $", {column.Aggregate}").Concat(othersColumns.Select(_ => ", 0")));
        var extraUpdates = string.Concat(extra.Select(column => $", {column.Column} = excluded.{column.Column}"));
        // SQLite needs the WHERE to read ON CONFLICT as the upsert rather than a join's ON. The ORDER BY makes every
        // instance lock the rows in one order, so two rebuilding the same hour never deadlock.
        return $"""
            INSERT INTO {table} (granularity, bucket_start, {scopeColumn}min_users, avg_users, max_users, peak_at, sample_count{extraColumns})
            SELECT @hour_granularity, @hour, {scopeValue}
                   CASE WHEN COUNT(*) < @minutes THEN 0 ELSE MIN(m.min_users) END,
                   SUM(m.avg_users * m.sample_count) / @samples,
                   MAX(m.max_users),
                   (SELECT p.peak_at FROM {table} p
                    WHERE p.granularity = @minute_granularity AND p.bucket_start >= @hour AND p.bucket_start < @next{sameScope}
                    ORDER BY p.max_users DESC, p.peak_at LIMIT 1),
                   @samples{extraValues}
            FROM {table} m
            WHERE m.granularity = @minute_granularity AND m.bucket_start >= @hour AND m.bucket_start < @next
            GROUP BY m.{scope ?? "granularity"}
            ORDER BY m.{scope ?? "granularity"}
            ON CONFLICT (granularity, {scopeColumn}bucket_start) DO UPDATE SET
                min_users = excluded.min_users, avg_users = excluded.avg_users, max_users = excluded.max_users,
                peak_at = excluded.peak_at, sample_count = excluded.sample_count{extraUpdates}
            """;
    }

    // Through the model's type mappings, so the granularity names and (on SQLite) Unix milliseconds match the rows.
    private static DbParameter[] Parameters(HistoryDbContext context, DateTimeOffset hour, DateTimeOffset next, int minutes, int samples)
    {
        var row = context.Model.FindEntityType(typeof(ConcurrentUsersHistory))!;
        RelationalTypeMapping Mapping(string property) => row.FindProperty(property)!.GetRelationalTypeMapping();
        using var factory = context.Database.GetDbConnection().CreateCommand();
        var granularity = Mapping(nameof(UsageRow.Granularity));
        var time = Mapping(nameof(UsageRow.BucketStart));
        var count = Mapping(nameof(UsageRow.SampleCount));
        return
        [
            granularity.CreateParameter(factory, "@hour_granularity", HistoryGranularity.Hour),
            granularity.CreateParameter(factory, "@minute_granularity", HistoryGranularity.Minute),
            time.CreateParameter(factory, "@hour", hour),
            time.CreateParameter(factory, "@next", next),
            count.CreateParameter(factory, "@minutes", minutes),
            count.CreateParameter(factory, "@samples", samples),
        ];
    }
}
