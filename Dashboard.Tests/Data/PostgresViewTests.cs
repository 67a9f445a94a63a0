namespace Dashboard.Tests.Data;

public sealed class PostgresViewTests : ViewContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
