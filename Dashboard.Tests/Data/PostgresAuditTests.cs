namespace Dashboard.Tests.Data;

public sealed class PostgresAuditTests : AuditContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
