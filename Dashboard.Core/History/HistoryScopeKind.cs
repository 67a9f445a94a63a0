namespace Dashboard.Core.History;

/// <summary>What a history series counts: every user, the users of one module, or the users of one organization.</summary>
public enum HistoryScopeKind
{
    Overall,
    Module,
    Organization,
}
