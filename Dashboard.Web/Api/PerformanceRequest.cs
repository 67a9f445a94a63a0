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

/// <summary>The query of <c>GET performance</c>: a range, overall or for one module (latencies are kept per module only).</summary>
public sealed class PerformanceRequest
{
    [FromQuery(Name = "start")]
    [Description($"{HistoryRequest.TimeDescription}; an hour before end when missing")]
    public string? Start { get; init; }

    [FromQuery(Name = "end")]
    [Description($"{HistoryRequest.TimeDescription}; now when missing")]
    public string? End { get; init; }

    [FromQuery(Name = "module")]
    [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)]
    public string? Module { get; init; }

    /// <summary>The request itself, to refuse an <c>organization</c> the document does not offer rather than ignore it.</summary>
    public required HttpRequest Http { get; init; }

    public bool TryParse(
        TimeProvider time, out HistoryScope scope, out TimeRange range, [NotNullWhen(false)] out BadRequest<ApiError>? error)
    {
        if (Http.Query.ContainsKey("organization"))
        {
            scope = HistoryScope.Overall;
            range = default;
            error = ApiResults.Invalid("organization", "Latencies are kept per module only: give module, not organization.");
            return false;
        }

        return HistoryRequest.TryParse(Start, End, Module, organization: null, time, out scope, out range, out error);
    }
}
