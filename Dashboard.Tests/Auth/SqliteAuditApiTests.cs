using Dashboard.Tests.Data;

namespace Dashboard.Tests.Auth;

public sealed class SqliteAuditApiTests : AuditApiContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
