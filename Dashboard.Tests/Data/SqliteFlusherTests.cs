namespace Dashboard.Tests.Data;

public sealed class SqliteFlusherTests : FlusherContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
