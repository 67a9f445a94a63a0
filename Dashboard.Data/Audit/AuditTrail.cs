using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Audit;

/// <summary>
/// Reads <c>audit_log</c>, newest first, for the <c>/admin/audit</c> page and the API. The rows are written by the
/// stores that make the changes, in the change's own transaction (see <see cref="AuditActor"/>).
/// </summary>
public sealed class AuditTrail(IDbContextFactory<HistoryDbContext> contexts)
{
    public Task<(IReadOnlyList<AuditEntry> Entries, int Total)> ListAsync(AuditQuery query, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<(IReadOnlyList<AuditEntry>, int)>(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var rows = context.AuditLog.AsNoTracking();
            if (query.Actor is not null)
            {
                rows = rows.Where(entry => entry.Actor == query.Actor);
            }

            if (query.Action is not null)
            {
                rows = rows.Where(entry => entry.Action == query.Action);
            }

            if (query.Start is { } start)
            {
                rows = rows.Where(entry => entry.At >= start);
            }

            if (query.End is { } end)
            {
                rows = rows.Where(entry => entry.At < end);
            }

            var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
            var page = await rows.OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id)
                .Skip(query.Offset).Take(query.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            return (page, total);
        });
}
