using Dashboard.Core.Resources;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Resources;

/// <summary>
/// This instance's resources per minute (resource_utilization), and the database's connection use, which only the
/// database can tell.
/// </summary>
public sealed class ResourceRecorder(IDbContextFactory<HistoryDbContext> contexts)
{
    private static readonly string[] Key = [nameof(ResourceUtilization.InstanceId), nameof(ResourceUtilization.BucketStart)];

    private static readonly string[] Figures =
    [
        nameof(ResourceUtilization.CpuPercent), nameof(ResourceUtilization.MemoryPercent), nameof(ResourceUtilization.DbConnectionsUsed),
        nameof(ResourceUtilization.DbConnectionsMax), nameof(ResourceUtilization.RedisMemoryBytes),
    ];

    /// <summary>Connections in use and allowed; null on SQLite, which has no server connections to run out of.</summary>
    public Task<(int Used, int Max)?> ReadDatabaseConnectionsAsync(CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<(int, int)?>(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (context is not PostgresHistoryDbContext)
            {
                return null;
            }

            var used = await context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity")
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            var max = await context.Database.SqlQueryRaw<int>("SELECT setting::int AS \"Value\" FROM pg_settings WHERE name = 'max_connections'")
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            return (used, max);
        });

    /// <summary>
    /// Keeps the latest sample of each minute: recording the same minute again replaces it. An upsert, because a poll
    /// that overlaps the previous one would otherwise insert the same minute twice.
    /// </summary>
    public Task RecordAsync(ResourceSample sample, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            var row = new ResourceUtilization
            {
                InstanceId = sample.InstanceId,
                BucketStart = TimeBuckets.Floor(sample.At, TimeBuckets.Minute),
                CpuPercent = sample.HostCpuPercent,
                MemoryPercent = sample.HostMemoryPercent,
                DbConnectionsUsed = sample.DbConnectionsUsed ?? 0,
                DbConnectionsMax = sample.DbConnectionsMax ?? 0,
                RedisMemoryBytes = sample.RedisMemoryBytes,
            };
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await SqlUpsert<ResourceUtilization>.OverwriteAsync(context, [row], Key, Figures, cancellationToken).ConfigureAwait(false);
        });
}
