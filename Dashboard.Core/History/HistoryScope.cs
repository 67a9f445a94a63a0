namespace Dashboard.Core.History;

/// <summary>The users a history question is about: all of them, one module's, or one organization's.</summary>
public sealed record HistoryScope
{
    private HistoryScope(HistoryScopeKind kind, string? id)
    {
        Kind = kind;
        Id = id;
    }

    public static HistoryScope Overall { get; } = new(HistoryScopeKind.Overall, null);

    public HistoryScopeKind Kind { get; }

    /// <summary>The module or organization id; null for <see cref="Overall"/>.</summary>
    public string? Id { get; }

    public static HistoryScope Module(string moduleId) => new(HistoryScopeKind.Module, RequireId(moduleId));

    public static HistoryScope Organization(string organizationId) => new(HistoryScopeKind.Organization, RequireId(organizationId));

    public override string ToString() => Kind switch
    {
        HistoryScopeKind.Module => $"module {Id}",
        HistoryScopeKind.Organization => $"organization {Id}",
        _ => "overall",
    };

    private static string RequireId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return id;
    }
}
