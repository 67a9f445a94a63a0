using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Dashboard.Ranges;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Api;

/// <summary>
/// The query of peak, average and trend: a range, and at most one of module or organization. Named in lower case, as
/// the API documents them, rather than as the properties.
/// </summary>
public sealed class HistoryRequest
{
    public const string TimeDescription =
        "now, a relative time (90m, 24h, 7d, 2w, now-24h) or an ISO-8601 instant, from 2000-01-01 to a day from now";

    [FromQuery(Name = "start")]
    [Description($"{TimeDescription}; an hour before end when missing")]
    public string? Start { get; init; }

    [FromQuery(Name = "end")]
    [Description($"{TimeDescription}; now when missing")]
    public string? End { get; init; }

    [FromQuery(Name = "module")]
    [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)]
    public string? Module { get; init; }

    [FromQuery(Name = "organization")]
    [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)]
    public string? Organization { get; init; }

    /// <summary>The scope and range asked for, or the 400 listing every problem with the query.</summary>
    public bool TryParse(
        TimeProvider time, out HistoryScope scope, out TimeRange range, [NotNullWhen(false)] out BadRequest<ApiError>? error) =>
        TryParse(Start, End, Module, Organization, time, out scope, out range, out error);

    /// <summary>The parsing every history query shares, whatever else its request holds.</summary>
    internal static bool TryParse(
        string? start,
        string? end,
        string? module,
        string? organization,
        TimeProvider time,
        out HistoryScope scope,
        out TimeRange range,
        [NotNullWhen(false)] out BadRequest<ApiError>? error)
    {
        var errors = new List<ValidationError>();
        if (module is not null && ActivityValidator.ValidateId("module", module) is { } badModule)
        {
            errors.Add(badModule);
        }

        if (organization is not null && ActivityValidator.ValidateId("organization", organization) is { } badOrganization)
        {
            errors.Add(badOrganization);
        }

        if (module is not null && organization is not null)
        {
            errors.Add(new("organization", "Give module or organization, not both."));
        }

        if (!TimeRange.TryParse(start, end, time.GetUtcNow(), out range, out var rangeError))
        {
            errors.Add(new(rangeError.StartsWith("end ", StringComparison.Ordinal) ? "end" : "start", rangeError));
        }

        if (errors.Count > 0)
        {
            scope = HistoryScope.Overall;
            error = ApiResults.Invalid(errors);
            return false;
        }

        scope = module is not null ? HistoryScope.Module(module)
            : organization is not null ? HistoryScope.Organization(organization)
            : HistoryScope.Overall;
        error = null;
        return true;
    }
}
