using Dashboard.Core.Tracking;
using Dashboard.Tests.Tracking;

namespace Dashboard.Tests.Data;

public sealed class SqliteFlusherTests : FlusherContract
{
    // SQLite stores any text; what it refuses is a row that breaks a constraint, here user_id NOT NULL.
    protected override ActivityEvent RefusedByTheDatabase(string user, string session) =>
        Activity.Of(user, session) with { UserId = null! };

    private protected override Task<TestDatabase> CreateDatabaseAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
