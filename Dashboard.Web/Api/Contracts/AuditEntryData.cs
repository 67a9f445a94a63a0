using System.Text.Json;
using Dashboard.Data.Audit;

namespace Dashboard.Web.Api.Contracts;

/// <summary>One row of the audit trail; <see cref="Details"/> is the JSON object as stored.</summary>
public sealed record AuditEntryData(long Id, DateTimeOffset At, string Actor, string Action, string? Target, JsonElement? Details, string? ClientAddress)
{
    public static AuditEntryData From(AuditEntry entry) => new(
        entry.Id, entry.At, entry.Actor, entry.Action, entry.Target,
        entry.Details is null ? null : JsonDocument.Parse(entry.Details).RootElement.Clone(), entry.ClientAddress);
}
