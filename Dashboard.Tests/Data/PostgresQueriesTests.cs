namespace Dashboard.Tests.Data;

public sealed class PostgresQueriesTests : QueriesContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
