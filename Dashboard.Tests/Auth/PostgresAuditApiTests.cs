using Dashboard.Tests.Data;

namespace Dashboard.Tests.Auth;

public sealed class PostgresAuditApiTests : AuditApiContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
