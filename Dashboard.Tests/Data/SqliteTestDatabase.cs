using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Data;

/// <summary>A SQLite file of its own in a temp folder, removed afterwards.</summary>
internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dashboard-sqlite-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "history.db")}";

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dashboard:HistoryStore"] = "Sqlite",
        ["ConnectionStrings:Sqlite"] = ConnectionString,
    };

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
