using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Alerts;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Api;

/// <summary>The query of <c>GET alerts</c>: filters by status and severity, and a page.</summary>
public sealed class AlertsRequest
{
    [FromQuery(Name = "status")]
    [AllowedValues("active", "acknowledged", "resolved")]
    public string? Status { get; init; }

    [FromQuery(Name = "severity")]
    [AllowedValues("info", "warning", "critical")]
    public string? Severity { get; init; }

    [FromQuery(Name = "offset")]
    [Range(0, int.MaxValue)]
    public int? Offset { get; init; }

    [FromQuery(Name = "limit")]
    [Range(1, AlertQuery.MaxPageSize)]
    public int? Limit { get; init; }
}
