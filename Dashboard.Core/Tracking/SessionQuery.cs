namespace Dashboard.Core.Tracking;

/// <summary>A page of the active-session listing, optionally narrowed to a module, an organization or a user.</summary>
public sealed record SessionQuery
{
    public const int MaxPageSize = 500;

    public string? ModuleId { get; init; }
    public string? OrganizationId { get; init; }
    public string? UserId { get; init; }
    public int Offset { get; init; }
    public int PageSize { get; init; } = 50;
}
