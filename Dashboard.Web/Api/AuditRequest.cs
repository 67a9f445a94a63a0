using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Dashboard.Data.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Api;

/// <summary>The query of <c>GET audit</c>: actor, action, a range, a page, and json or csv.</summary>
public sealed class AuditRequest
{
    [FromQuery(Name = "actor")]
    [MaxLength(AuditActor.MaxNameLength)]
    [Description("The person or key that acted (exact)")]
    public string? Actor { get; init; }

    [FromQuery(Name = "action")]
    [AllowedValues(
        AuditActions.SignIn, AuditActions.SignInFailed, AuditActions.LockedOut, AuditActions.UserCreated, AuditActions.UserChanged,
        AuditActions.UserDisabled, AuditActions.RoleChanged, AuditActions.PasswordReset, AuditActions.KeyCreated, AuditActions.KeyRevoked,
        AuditActions.RuleAdded, AuditActions.RuleChanged, AuditActions.RuleDeleted, AuditActions.AlertAcknowledged)]
    public string? Action { get; init; }

    [FromQuery(Name = "start")]
    [Description($"{HistoryRequest.TimeDescription}; 30 days before end when missing")]
    public string? Start { get; init; }

    [FromQuery(Name = "end")]
    [Description($"{HistoryRequest.TimeDescription}; now when missing")]
    public string? End { get; init; }

    [FromQuery(Name = "offset")]
    [Range(0, int.MaxValue)]
    public int? Offset { get; init; }

    [FromQuery(Name = "limit")]
    [Range(1, AuditQuery.MaxPageSize)]
    public int? Limit { get; init; }

    [FromQuery(Name = "format")]
    [AllowedValues("json", "csv")]
    public string? Format { get; init; }
}
