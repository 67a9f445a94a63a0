using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Configuration;

/// <summary>Serves the provider's pooled contexts as the one <see cref="HistoryDbContext"/> the rest of the code asks for.</summary>
public sealed class HistoryDbContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<HistoryDbContext>
    where TContext : HistoryDbContext
{
    public HistoryDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<HistoryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
