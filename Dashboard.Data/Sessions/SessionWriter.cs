using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Sessions;

/// <summary>The session flusher's two statements: upsert a batch by session id, and close sessions past their TTL.</summary>
internal sealed class SessionWriter(IDbContextFactory<HistoryDbContext> contexts)
{
    private static readonly string[] SessionIdKey = [nameof(UserSession.SessionId)];

    /// <summary>
    /// Inserts new sessions and updates known ones, unless the row already holds later activity (another instance
    /// may have written it), or belongs to another user and is still open (the live store refuses such activity; this
    /// keeps the row its first user's should any reach the queue). A session that was closed and is active again starts
    /// anew; one still open keeps its start time.
    /// </summary>
    public async Task UpsertAsync(IReadOnlyCollection<UserSession> rows, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var upsert = new SqlUpsert<UserSession>(context);
            var table = upsert.Table;
            var active = upsert.Column(nameof(UserSession.IsActive));
            var started = upsert.Column(nameof(UserSession.StartedAt));
            var user = upsert.Column(nameof(UserSession.UserId));
            var update = upsert.Overwrite(
                    nameof(UserSession.UserId), nameof(UserSession.OrganizationId), nameof(UserSession.ModuleId),
                    nameof(UserSession.UserAgent), nameof(UserSession.IpAddress), nameof(UserSession.LastActivityAt),
                    nameof(UserSession.EndedAt), nameof(UserSession.IsActive))
                + $", {started} = CASE WHEN {table}.{active} OR NOT excluded.{active} THEN {table}.{started} ELSE excluded.{started} END"
                + upsert.UnlessStoredIsGreater(nameof(UserSession.LastActivityAt))
                + $" AND ({table}.{user} = excluded.{user} OR NOT {table}.{active})";
            await upsert.ExecuteAsync(rows, SessionIdKey, update, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes open sessions whose last activity is before <paramref name="cutoff"/>; they ended then.</summary>
    /// <returns>How many were closed.</returns>
    public async Task<int> CloseSilentAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.UserSessions
                .Where(session => session.IsActive && session.LastActivityAt < cutoff)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(session => session.IsActive, false)
                    .SetProperty(session => session.EndedAt, session => session.LastActivityAt), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
