namespace Dashboard.Tests.Data;

public sealed class PostgresRetentionTests : RetentionContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
