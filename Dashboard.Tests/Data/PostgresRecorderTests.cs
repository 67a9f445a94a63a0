namespace Dashboard.Tests.Data;

public sealed class PostgresRecorderTests : RecorderContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
