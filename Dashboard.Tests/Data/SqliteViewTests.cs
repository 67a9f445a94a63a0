namespace Dashboard.Tests.Data;

public sealed class SqliteViewTests : ViewContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
