using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Data.Storage;

/// <summary>
/// INSERT … ON CONFLICT … DO UPDATE for a batch of entities, one text for both providers: PostgreSQL and SQLite
/// share the syntax. EF Core has no upsert, and read-then-write would race with another instance. Values go through
/// each property's type mapping, so value converters apply exactly as in EF's own commands.
/// </summary>
internal sealed class SqlUpsert<TEntity>
    where TEntity : class
{
    // Far below PostgreSQL's limit (65 535); keeps one statement's text small.
    private const int MaxParameters = 5000;

    // SQLite looks each named parameter up by a linear search, so binding one statement costs the square of its
    // parameters: 100 session rows (1,100 parameters) cost ~60 µs of CPU per row, chunks of 18 rows ~20 µs.
    private const int MaxSqliteParameters = 200;

    private readonly DbContext _context;
    private readonly IEntityType _entity;
    private readonly ISqlGenerationHelper _sql;
    private readonly IReadOnlyList<IProperty> _inserted;

    public SqlUpsert(DbContext context)
    {
        _context = context;
        _entity = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        _sql = context.GetService<ISqlGenerationHelper>();
        // The database numbers new rows itself.
        _inserted = [.. _entity.GetProperties().Where(property => property.ValueGenerated != ValueGenerated.OnAdd)];
        Table = _sql.DelimitIdentifier(_entity.GetTableName()!);
    }

    public string Table { get; }

    /// <summary>
    /// Inserts <paramref name="rows"/>; a row that is already there takes the new values of <paramref name="columns"/>
    /// only, so writers of different columns of one row never undo each other.
    /// </summary>
    /// <param name="unlessStoredIsGreater">
    /// A property that only grows as a row is rebuilt from more input (such as a sample count): a stored row whose value
    /// is greater is newer than the one being written, by another instance that read later, and keeps its values.
    /// </param>
    public static Task OverwriteAsync(
        DbContext context, IReadOnlyCollection<TEntity> rows, IReadOnlyList<string> conflict, string[] columns, CancellationToken cancellationToken,
        string? unlessStoredIsGreater = null)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var upsert = new SqlUpsert<TEntity>(context);
        var update = upsert.Overwrite(columns);
        if (unlessStoredIsGreater is not null)
        {
            update += upsert.UnlessStoredIsGreater(unlessStoredIsGreater);
        }

        return upsert.ExecuteAsync(rows, conflict, update, cancellationToken);
    }

    public string Column(string property) =>
        _sql.DelimitIdentifier((_entity.FindProperty(property)
            ?? throw new ArgumentException($"{typeof(TEntity).Name} has no property {property}.", nameof(property))).GetColumnName());

    /// <summary>The WHERE of an update that leaves a stored row whose <paramref name="property"/> is greater.</summary>
    public string UnlessStoredIsGreater(string property) => $" WHERE excluded.{Column(property)} >= {Table}.{Column(property)}";

    /// <summary>"column = excluded.column" for each property: the new row's values win.</summary>
    public string Overwrite(params string[] properties) =>
        string.Join(", ", properties.Select(property => $"{Column(property)} = excluded.{Column(property)}"));

    /// <param name="conflict">The properties of the unique index that identifies a row.</param>
    /// <param name="update">What follows DO UPDATE SET: assignments, and optionally a WHERE.</param>
    public async Task ExecuteAsync(
        IReadOnlyCollection<TEntity> rows, IReadOnlyList<string> conflict, string update, CancellationToken cancellationToken)
    {
        var chunks = rows.Chunk(Math.Max(1, (_context.Database.IsSqlite() ? MaxSqliteParameters : MaxParameters) / _inserted.Count)).ToList();
        if (chunks.Count <= 1 || _context.Database.CurrentTransaction is not null)
        {
            await WriteAsync(chunks, conflict, update, cancellationToken).ConfigureAwait(false);
            return;
        }

        // All chunks or none; on SQLite also one commit (a journal sync) instead of one per chunk.
        var transaction = await _context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await WriteAsync(chunks, conflict, update, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(
        IReadOnlyList<TEntity[]> chunks, IReadOnlyList<string> conflict, string update, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", _inserted.Select(property => _sql.DelimitIdentifier(property.GetColumnName())));
        var target = string.Join(", ", conflict.Select(Column));
        using var factory = _context.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in chunks)
        {
            var parameters = new List<DbParameter>();
            var values = chunk.Select(row => "(" + string.Join(", ", _inserted.Select(property =>
            {
                var name = $"@p{parameters.Count}";
                parameters.Add(property.GetRelationalTypeMapping()
                    .CreateParameter(factory, name, property.PropertyInfo!.GetValue(row), property.IsNullable));
                return name;
            })) + ")");
            var sql = $"INSERT INTO {Table} ({columns}) VALUES {string.Join(", ", values)} " +
                $"ON CONFLICT ({target}) DO UPDATE SET {update}";
            await _context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
