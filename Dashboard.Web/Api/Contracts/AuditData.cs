namespace Dashboard.Web.Api.Contracts;

/// <summary><c>GET audit</c>: a page of the audit trail, newest first, and how many rows match.</summary>
public sealed record AuditData(IReadOnlyList<AuditEntryData> Entries, int Total, int Offset, int Limit);
