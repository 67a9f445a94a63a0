namespace Dashboard.Data.Audit;

/// <summary>Which audit rows to read: an actor and an action (exact), a time range (start inclusive, end exclusive), a page.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 1000;

    public string? Actor { get; init; }

    public string? Action { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public int Offset { get; init; }

    public int PageSize { get; init; } = 50;
}
