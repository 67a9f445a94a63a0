using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>The history model on PostgreSQL; its migrations are in migrations/Postgres.</summary>
public sealed class PostgresHistoryDbContext(DbContextOptions<PostgresHistoryDbContext> options) : HistoryDbContext(options);
