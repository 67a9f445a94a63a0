namespace Dashboard.Tests.Data;

public sealed class SqliteMigrationTests : MigrationContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
