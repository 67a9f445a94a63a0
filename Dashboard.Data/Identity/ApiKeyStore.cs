using System.Globalization;
using Dashboard.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Identity;

/// <summary>The keys admins made, in the history database: made, listed, revoked, and the ones in force read for the in-memory table.</summary>
public sealed class ApiKeyStore(IDbContextFactory<HistoryDbContext> contexts)
{
    /// <summary>Stores a new key and the audit row of its making in one transaction.</summary>
    public async Task AddAsync(StoredApiKey key, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        context.ApiKeys.Add(key);
        await context.SaveChangesAsync(cancellationToken);
        // The row names the key by its id, which exists only once the key is saved: hence the explicit transaction.
        context.AuditLog.Add(actor.Entry(key.CreatedAt, AuditActions.KeyCreated, key.Id.ToString(CultureInfo.InvariantCulture),
            new { key.Name, key.Prefix, key.Scopes, key.ExpiresAt }));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.ApiKeys.AsNoTracking().OrderBy(key => key.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Keys not revoked and not expired at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<StoredApiKey>> InForceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await context.ApiKeys.AsNoTracking().Where(key => key.RevokedAt == null).ToListAsync(cancellationToken);
        return keys.Where(key => key.ExpiresAt is null || key.ExpiresAt > now).ToList();
    }

    /// <summary>Revokes key <paramref name="id"/>; null when there is no such key.</summary>
    public async Task<StoredApiKey?> RevokeAsync(long id, DateTimeOffset now, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (await context.ApiKeys.FindAsync([id], cancellationToken) is not { } key)
        {
            return null;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = now;
            context.AuditLog.Add(actor.Entry(now, AuditActions.KeyRevoked, id.ToString(CultureInfo.InvariantCulture), new { key.Name, key.Prefix }));
        }

        await context.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Writes when each key was last used, as the in-memory table collected it since the last write.</summary>
    public async Task RecordUseAsync(IReadOnlyDictionary<long, DateTimeOffset> lastUsed, CancellationToken cancellationToken)
    {
        if (lastUsed.Count == 0)
        {
            return;
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = lastUsed.Keys.ToList();
        foreach (var key in await context.ApiKeys.Where(key => ids.Contains(key.Id)).ToListAsync(cancellationToken))
        {
            key.LastUsedAt = lastUsed[key.Id];
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}
