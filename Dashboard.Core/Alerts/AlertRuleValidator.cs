using Dashboard.Core.Tracking;

namespace Dashboard.Core.Alerts;

/// <summary>
/// What a rule must meet before it is saved, wherever it comes from (the API or the Alerts page): a valid id, a
/// sensible threshold for its kind, a scope only where one makes sense, and a hold of 1 to 100 polls.
/// </summary>
public static class AlertRuleValidator
{
    public const int MaxForPolls = 100;

    public static IReadOnlyList<ValidationError> Validate(AlertRule rule)
    {
        var errors = new List<ValidationError>();
        if (ActivityValidator.ValidateId("id", rule.Id) is { } badId)
        {
            errors.Add(badId);
        }

        var scope = rule.Scope;
        if (scope.Kind is not ("overall" or "module" or "organization") || scope.Kind != "overall" && ActivityValidator.ValidateId("scope", scope.Id) is not null)
        {
            errors.Add(new("scope", "scope is overall, module:<id> or organization:<id>."));
        }
        else if (scope.Kind != "overall" && rule.Kind != AlertKind.HighConcurrency)
        {
            errors.Add(new("scope", "Only high_concurrency rules can be scoped to a module or an organization."));
        }

        var (low, high) = rule.Kind switch
        {
            AlertKind.HighErrorRate => (0.0, 1.0),
            AlertKind.HighCpu or AlertKind.HighMemory or AlertKind.HighDbConnections => (0.0, 100.0),
            _ => (0.0, double.MaxValue),
        };
        if (!double.IsFinite(rule.Threshold) || rule.Threshold <= low || rule.Threshold > high)
        {
            errors.Add(new("threshold", high == double.MaxValue
                ? "threshold must be more than 0."
                : $"threshold must be more than {low} and at most {high} for {rule.AlertType}."));
        }

        if (rule.ForPolls is < 1 or > MaxForPolls)
        {
            errors.Add(new("for_polls", $"for_polls must be between 1 and {MaxForPolls}."));
        }

        return errors;
    }
}
