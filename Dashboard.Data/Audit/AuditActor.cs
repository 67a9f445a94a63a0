using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Data.Audit;

/// <summary>
/// Who is acting and from which address: handed to every store that changes something worth auditing, which adds the
/// row to the same context (and so the same transaction) as the change.
/// </summary>
public sealed record AuditActor(string Name, string? ClientAddress)
{
    public const int MaxNameLength = 128;

    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The row recording <paramref name="action"/> on <paramref name="target"/> at <paramref name="at"/>, details as JSON.</summary>
    public AuditEntry Entry(DateTimeOffset at, string action, string? target, object? details = null) => new()
    {
        At = at,
        Actor = Name.Length > MaxNameLength ? Name[..MaxNameLength] : Name,
        Action = action,
        Target = target,
        Details = details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
        ClientAddress = ClientAddress,
    };
}
