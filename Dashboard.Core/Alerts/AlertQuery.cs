namespace Dashboard.Core.Alerts;

/// <summary>A page of the alert list, optionally narrowed by status and severity; open alerts come first.</summary>
public sealed record AlertQuery
{
    public const int MaxPageSize = 500;

    public AlertStatus? Status { get; init; }

    public AlertSeverity? Severity { get; init; }

    public int Offset { get; init; }

    public int PageSize { get; init; } = 50;
}
