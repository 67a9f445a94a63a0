namespace Dashboard.Data.Configuration;

/// <summary>How the history database is prepared at start (<c>Dashboard:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Dashboard:Database";

    /// <summary>Apply pending migrations when the app starts; turn off where a deployment step migrates instead.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
