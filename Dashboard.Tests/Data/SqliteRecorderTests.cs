namespace Dashboard.Tests.Data;

public sealed class SqliteRecorderTests : RecorderContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
