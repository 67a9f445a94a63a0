namespace Dashboard.Tests.Data;

public sealed class SqliteAuditTests : AuditContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
