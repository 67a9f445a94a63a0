namespace Dashboard.Tests.Data;

public sealed class SqliteQueriesTests : QueriesContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
