using Dashboard.Core.Alerts;
using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;

namespace Dashboard.Web.Api;

/// <summary>The rules an admin's rule must meet: a sensible threshold for its kind, and a scope only where one makes sense.</summary>
public static class AlertRuleValidator
{
    public static (AlertRule? Rule, IReadOnlyList<ValidationError> Errors) Validate(string id, AlertRuleRequest request)
    {
        var errors = new List<ValidationError>();
        if (ActivityValidator.ValidateId("id", id) is { } badId)
        {
            errors.Add(badId);
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new("kind", $"kind is required: one of {string.Join(", ", Enum.GetValues<AlertKind>().Select(AlertRule.TypeName))}."));
            return (null, errors);
        }

        var scope = AlertScope.Parse(string.IsNullOrWhiteSpace(request.Scope) ? "overall" : request.Scope);
        if (scope.Kind is not ("overall" or "module" or "organization") || scope.Kind != "overall" && ActivityValidator.ValidateId("scope", scope.Id) is not null)
        {
            errors.Add(new("scope", "scope is overall, module:<id> or organization:<id>."));
        }
        else if (scope.Kind != "overall" && kind != AlertKind.HighConcurrency)
        {
            errors.Add(new("scope", "Only high_concurrency rules can be scoped to a module or an organization."));
        }

        var (low, high) = kind switch
        {
            AlertKind.HighErrorRate => (0.0, 1.0),
            AlertKind.HighCpu or AlertKind.HighMemory or AlertKind.HighDbConnections => (0.0, 100.0),
            _ => (0.0, double.MaxValue),
        };
        if (request.Threshold is not { } threshold || !double.IsFinite(threshold) || threshold <= low || threshold > high)
        {
            errors.Add(new("threshold", high == double.MaxValue
                ? "threshold must be more than 0."
                : $"threshold must be more than {low} and at most {high} for {AlertRule.TypeName(kind)}."));
        }

        if (request.ForPolls is not (>= 1 and <= 100))
        {
            errors.Add(new("for_polls", "for_polls must be between 1 and 100."));
        }

        if (request.UpdatedBy is { Length: > 128 })
        {
            errors.Add(new("updated_by", "updated_by must be at most 128 characters."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AlertRule(id, kind, scope, request.Threshold!.Value, request.Severity ?? AlertSeverity.Warning, request.ForPolls!.Value, request.Enabled ?? true), errors);
    }
}
