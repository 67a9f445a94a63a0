namespace Dashboard.Tests.Data;

public sealed class PostgresPerformanceRecorderTests : PerformanceRecorderContract
{
    private protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgresTestDatabase.CreateAsync();
}
