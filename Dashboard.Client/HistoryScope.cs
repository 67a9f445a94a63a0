namespace Dashboard.Client;

/// <summary>Narrows a history read (peak, average, trend) to one module or one organization.</summary>
public sealed record HistoryScope(string? ModuleId = null, string? OrganizationId = null);
