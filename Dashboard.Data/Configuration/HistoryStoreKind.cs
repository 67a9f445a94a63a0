namespace Dashboard.Data.Configuration;

/// <summary>Where history is kept (<c>Dashboard:HistoryStore</c>).</summary>
public enum HistoryStoreKind
{
    /// <summary>A SQLite file at <c>ConnectionStrings:Sqlite</c>: zero set-up, one instance only.</summary>
    Sqlite,

    /// <summary>PostgreSQL at <c>ConnectionStrings:Postgres</c>: shared by every instance.</summary>
    Postgres,
}
