namespace Dashboard.Tests.Data;

public sealed class SqlitePerformanceQueriesTests : PerformanceQueriesContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
