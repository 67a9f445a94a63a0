namespace Dashboard.Tests.Data;

public sealed class PostgresMigrationTests : MigrationContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
