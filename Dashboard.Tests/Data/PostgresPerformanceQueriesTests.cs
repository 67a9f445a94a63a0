namespace Dashboard.Tests.Data;

public sealed class PostgresPerformanceQueriesTests : PerformanceQueriesContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
