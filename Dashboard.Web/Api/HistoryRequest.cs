using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Api;

/// <summary>
/// The query every history endpoint takes: a range, and at most one of module or organization. Named in lower case, as
/// the API documents them, rather than as the properties.
/// </summary>
public sealed class HistoryRequest
{
    [FromQuery(Name = "start")]
    public string? Start { get; init; }

    [FromQuery(Name = "end")]
    public string? End { get; init; }

    [FromQuery(Name = "module")]
    public string? Module { get; init; }

    [FromQuery(Name = "organization")]
    public string? Organization { get; init; }

    /// <summary>Set by <see cref="Parse"/> when the query is refused: a 400 listing every problem.</summary>
    public IResult? Error { get; private set; }

    public (HistoryScope? Scope, TimeRange? Range) Parse(TimeProvider time)
    {
        var errors = new List<ValidationError>();
        if (Module is not null && ActivityValidator.ValidateId("module", Module) is { } badModule)
        {
            errors.Add(badModule);
        }

        if (Organization is not null && ActivityValidator.ValidateId("organization", Organization) is { } badOrganization)
        {
            errors.Add(badOrganization);
        }

        if (Module is not null && Organization is not null)
        {
            errors.Add(new("organization", "Give module or organization, not both."));
        }

        if (!TimeRange.TryParse(Start, End, time.GetUtcNow(), out var range, out var rangeError))
        {
            errors.Add(new(rangeError.StartsWith("end ", StringComparison.Ordinal) ? "end" : "start", rangeError));
        }

        if (errors.Count > 0)
        {
            Error = ApiResults.Invalid(errors);
            return (null, null);
        }

        var scope = Module is not null ? HistoryScope.Module(Module)
            : Organization is not null ? HistoryScope.Organization(Organization)
            : HistoryScope.Overall;
        return (scope, range);
    }
}
