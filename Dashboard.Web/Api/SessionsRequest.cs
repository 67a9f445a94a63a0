using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Api;

/// <summary>The query of <c>GET sessions</c>: filters, a page, and json or csv.</summary>
public sealed class SessionsRequest
{
    [FromQuery(Name = "module")]
    [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)]
    public string? Module { get; init; }

    [FromQuery(Name = "organization")]
    [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)]
    public string? Organization { get; init; }

    [FromQuery(Name = "user")]
    [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)]
    public string? User { get; init; }

    [FromQuery(Name = "offset")]
    [Range(0, int.MaxValue)]
    public int? Offset { get; init; }

    [FromQuery(Name = "limit")]
    [Range(1, SessionQuery.MaxPageSize)]
    public int? Limit { get; init; }

    [FromQuery(Name = "format")]
    [AllowedValues("json", "csv")]
    public string? Format { get; init; }
}
