namespace Dashboard.Tests.Data;

public sealed class SqliteRetentionTests : RetentionContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
