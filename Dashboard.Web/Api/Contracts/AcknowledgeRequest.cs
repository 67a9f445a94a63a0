namespace Dashboard.Web.Api.Contracts;

/// <summary><c>POST alerts/{id}/acknowledge</c>: who acknowledges (until sign-in exists, as they name themselves) and why.</summary>
public sealed record AcknowledgeRequest(string? AcknowledgedBy, string? Note);
