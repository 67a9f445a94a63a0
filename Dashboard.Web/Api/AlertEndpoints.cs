using Dashboard.Core.Alerts;
using Dashboard.Core.Tracking;
using Dashboard.Data.Alerts;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>Alerts: list, acknowledge (who, when, note), and the rules admins may change.</summary>
public static class AlertEndpoints
{
    public const int MaxNoteLength = 2000;

    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/alerts", ListAsync)
            .Produces<ApiEnvelope<AlertsData>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("Alerts, active first (status=active|acknowledged|resolved, severity=info|warning|critical)");
        group.MapPost("/alerts/{id:long}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(Policies.Admin)
            .Produces<ApiEnvelope<AlertRecord>>()
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .WithSummary("Acknowledge an active alert as the caller (the person or key): {note}");
        group.MapGet("/alerts/rules", ListRulesAsync).WithSummary("The alert rules in force");
        group.MapPut("/alerts/rules/{id}", SaveRuleAsync)
            .RequireAuthorization(Policies.Admin)
            .Produces<ApiEnvelope<AlertRuleData>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("Change a rule, or add one (e.g. high_concurrency for module:tax)");
        group.MapDelete("/alerts/rules/{id}", DeleteRuleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Delete an added rule, or put a configured one back to its configuration");
        return group;
    }

    private static async Task<IResult> ListAsync(
        AlertStore alerts, string? status, string? severity, int? offset, int? limit, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var parsedStatus = ParseEnum<AlertStatus>("status", status, errors);
        var parsedSeverity = ParseEnum<AlertSeverity>("severity", severity, errors);
        if (offset < 0)
        {
            errors.Add(new("offset", "offset must be 0 or more."));
        }

        if (limit is < 1 or > AlertQuery.MaxPageSize)
        {
            errors.Add(new("limit", $"limit must be between 1 and {AlertQuery.MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        var query = new AlertQuery { Status = parsedStatus, Severity = parsedSeverity, Offset = offset ?? 0, PageSize = limit ?? 50 };
        var (page, total) = await alerts.ListAsync(query, cancellationToken);
        return ApiResults.Ok(new AlertsData(page, total, query.Offset, query.PageSize));
    }

    private static async Task<IResult> AcknowledgeAsync(
        long id, HttpRequest request, AlertStore alerts, TimeProvider time, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<AcknowledgeRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (body!.Note is { Length: > MaxNoteLength })
        {
            return ApiResults.Invalid([new("note", $"note must be at most {MaxNoteLength} characters.")]);
        }

        var (outcome, alert) = await alerts.AcknowledgeAsync(id, request.HttpContext.User.Identity!.Name!, body.Note, time.GetUtcNow(), cancellationToken);
        return outcome switch
        {
            AcknowledgeOutcome.Acknowledged => ApiResults.Ok(alert!),
            AcknowledgeOutcome.NotFound => ApiResults.Error(StatusCodes.Status404NotFound, "Alert not found", $"There is no alert {id}."),
            _ => ApiResults.Error(StatusCodes.Status409Conflict, "Alert is not active",
                $"Alert {id} is {alert!.Status.ToString().ToLowerInvariant()}; only an active alert can be acknowledged."),
        };
    }

    private static async Task<IResult> ListRulesAsync(AlertRuleStore rules, CancellationToken cancellationToken) =>
        ApiResults.Ok((await rules.ListAsync(cancellationToken)).Select(rule => AlertRuleData.From(rule, rules.IsConfigured(rule.Id))).ToList());

    private static async Task<IResult> SaveRuleAsync(
        string id, HttpRequest request, AlertRuleStore rules, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<AlertRuleRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (rule, errors) = body!.ToRule(id);
        if (rule is null)
        {
            return ApiResults.Invalid(errors);
        }

        await rules.SaveAsync(rule, request.HttpContext.User.Identity!.Name, cancellationToken);
        return ApiResults.Ok(AlertRuleData.From(rule, rules.IsConfigured(rule.Id)));
    }

    private static async Task<IResult> DeleteRuleAsync(string id, AlertRuleStore rules, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(id, cancellationToken)
            ? ApiResults.Ok(new { Id = id, Deleted = true })
            : ApiResults.Error(StatusCodes.Status404NotFound, "Rule not found", $"No rule {id} was changed or added.");

    private static T? ParseEnum<T>(string field, string? value, List<ValidationError> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(new(field, $"{field} must be one of: {string.Join(", ", Enum.GetNames<T>().Select(name => name.ToLowerInvariant()))}."));
        return null;
    }
}
