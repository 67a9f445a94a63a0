namespace Dashboard.Data.Configuration;

/// <summary>How the history database is prepared at start (<c>Dashboard:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Dashboard:Database";

    /// <summary>Apply pending migrations when the app starts; turn off where a deployment step migrates instead.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// How long opening a PostgreSQL connection may take (Npgsql's <c>Timeout</c>, which it replaces). Npgsql's own
    /// 15 s made every request and poll wait that long on each call while the server was unreachable.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
