using Dashboard.Tests.Infrastructure;
using Npgsql;

namespace Dashboard.Tests.Data;

/// <summary>A database of its own on the test run's PostgreSQL (or a given server), created empty with CREATE DATABASE.</summary>
internal sealed class PostgresTestDatabase : TestDatabase
{
    private PostgresTestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dashboard:HistoryStore"] = "Postgres",
        ["ConnectionStrings:Postgres"] = ConnectionString,
    };

    public static async Task<PostgresTestDatabase> CreateAsync(PostgresServer? server = null)
    {
        server ??= await TestServers.PostgresAsync();
        return new PostgresTestDatabase(await server.CreateDatabaseAsync($"test_{Guid.NewGuid():N}"));
    }

    public override ValueTask DisposeAsync()
    {
        // Every test has its own database: its idle connections would otherwise pile up on the server.
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
