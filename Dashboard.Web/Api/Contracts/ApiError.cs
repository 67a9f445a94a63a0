using System.Text.Json.Serialization;
using Dashboard.Core.Tracking;

namespace Dashboard.Web.Api.Contracts;

/// <summary>
/// The spec's error envelope: <c>{ "success": false, "error": ..., "details": ... }</c>; input errors also list
/// every problem in <c>errors</c>, one per field, so a client can show them beside its fields.
/// </summary>
public sealed record ApiError(
    string Error,
    string? Details,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ValidationError>? Errors = null)
{
    public bool Success => false;
}
