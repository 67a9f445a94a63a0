namespace Dashboard.Web.Api.Contracts;

/// <summary><c>POST alerts/{id}/acknowledge</c>: why; who is the caller (the signed-in person, or the key's name).</summary>
public sealed record AcknowledgeRequest(string? Note);
