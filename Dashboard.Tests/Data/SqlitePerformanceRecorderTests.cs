namespace Dashboard.Tests.Data;

public sealed class SqlitePerformanceRecorderTests : PerformanceRecorderContract
{
    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
