using Dashboard.Core.Alerts;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Data.Alerts;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Alerts, active first (status=active|acknowledged|resolved, severity=info|warning|critical)");
        group.MapPost("/alerts/{id}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(Policies.Admin)
            .AcceptsJson<AcknowledgeRequest>()
            .WithSummary("Acknowledge an active alert as the caller (the person or key): {note}");
        group.MapGet("/alerts/rules", ListRulesAsync).WithSummary("The alert rules in force");
        group.MapPut("/alerts/rules/{id}", SaveRuleAsync)
            .RequireAuthorization(Policies.Admin)
            .AcceptsJson<AlertRuleRequest>()
            .WithSummary("Change a rule, or add one (e.g. high_concurrency for module:tax)");
        group.MapDelete("/alerts/rules/{id}", DeleteRuleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Delete an added rule, or put a configured one back to its configuration");
        return group;
    }

    private static async Task<Results<Ok<ApiEnvelope<AlertsData>>, BadRequest<ApiError>>> ListAsync(
        [AsParameters] AlertsRequest request, AlertStore alerts, CancellationToken cancellationToken)
    {
        var (offset, limit) = (request.Offset, request.Limit);
        var errors = new List<ValidationError>();
        var parsedStatus = ParseEnum<AlertStatus>("status", request.Status, errors);
        var parsedSeverity = ParseEnum<AlertSeverity>("severity", request.Severity, errors);
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

    private static async Task<Results<Ok<ApiEnvelope<AlertRecord>>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> AcknowledgeAsync(
        long id, HttpRequest request, AlertStore alerts, TimeProvider time, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<AcknowledgeRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var body = read.Value;
        if (body.Note is { Length: > MaxNoteLength })
        {
            return ApiResults.Invalid([new("note", $"note must be at most {MaxNoteLength} characters.")]);
        }

        var (outcome, alert) = await alerts.AcknowledgeAsync(id, AuditActors.Of(request.HttpContext), body.Note, time.GetUtcNow(), cancellationToken);
        return (outcome, alert) switch
        {
            (AcknowledgeOutcome.Acknowledged, { } acknowledged) => ApiResults.Ok(acknowledged),
            (AcknowledgeOutcome.NotActive, { } inactive) => ApiResults.Conflict("Alert is not active",
                $"Alert {id} is {inactive.Status.ToString().ToLowerInvariant()}; only an active alert can be acknowledged."),
            _ => ApiResults.NotFound("Alert not found", $"There is no alert {id}."),
        };
    }

    private static async Task<Ok<ApiEnvelope<List<AlertRuleData>>>> ListRulesAsync(AlertRuleStore rules, CancellationToken cancellationToken) =>
        ApiResults.Ok((await rules.ListAsync(cancellationToken)).Select(rule => AlertRuleData.From(rule, rules.IsConfigured(rule.Id))).ToList());

    private static async Task<Results<Ok<ApiEnvelope<AlertRuleData>>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> SaveRuleAsync(
        string id, HttpRequest request, AlertRuleStore rules, IOptions<AlertOptions> alerts, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<AlertRuleRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        var (rule, errors) = body.Value.ToRule(id);
        if (rule is null)
        {
            return ApiResults.Invalid(errors);
        }

        if (!await rules.SaveAsync(rule, AuditActors.Of(request.HttpContext), cancellationToken))
        {
            return ApiResults.Conflict("Too many alert rules",
                $"At most {alerts.Value.MaxRules} rules are stored (Dashboard:Alerts:MaxRules): delete one before adding {id}.");
        }

        return ApiResults.Ok(AlertRuleData.From(rule, rules.IsConfigured(rule.Id)));
    }

    private static async Task<Results<Ok<ApiEnvelope<RuleDeletedData>>, NotFound<ApiError>>> DeleteRuleAsync(
        string id, HttpContext http, AlertRuleStore rules, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(id, AuditActors.Of(http), cancellationToken)
            ? ApiResults.Ok(new RuleDeletedData(id, Deleted: true))
            : ApiResults.NotFound("Rule not found", $"No rule {id} was changed or added.");

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
