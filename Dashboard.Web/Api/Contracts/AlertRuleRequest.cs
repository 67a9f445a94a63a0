using Dashboard.Core.Alerts;
using Dashboard.Core.Tracking;

namespace Dashboard.Web.Api.Contracts;

/// <summary><c>PUT alerts/rules/{id}</c>: the rule's new settings (who changed them is the caller).</summary>
public sealed record AlertRuleRequest(
    AlertKind? Kind, string? Scope, double? Threshold, AlertSeverity? Severity, int? ForPolls, bool? Enabled)
{
    /// <summary>The rule this request asks for, or every reason it cannot be one (the rule's own in <see cref="AlertRuleValidator"/>).</summary>
    public (AlertRule? Rule, IReadOnlyList<ValidationError> Errors) ToRule(string id)
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            List<ValidationError> kindErrors = [new("kind", $"kind is required: one of {string.Join(", ", Enum.GetValues<AlertKind>().Select(AlertRule.TypeName))}.")];
            if (ActivityValidator.ValidateId("id", id) is { } badId)
            {
                kindErrors.Insert(0, badId);
            }

            return (null, kindErrors);
        }

        // A missing threshold or hold is refused with the same words as one out of range.
        var rule = new AlertRule(
            id, kind, AlertScope.Parse(string.IsNullOrWhiteSpace(Scope) ? "overall" : Scope), Threshold ?? double.NaN,
            Severity ?? AlertSeverity.Warning, ForPolls ?? 0, Enabled ?? true);
        var errors = AlertRuleValidator.Validate(rule).ToList();
        return errors.Count > 0 ? (null, errors) : (rule, errors);
    }
}
