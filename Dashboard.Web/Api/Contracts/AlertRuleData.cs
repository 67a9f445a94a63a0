using Dashboard.Core.Alerts;

namespace Dashboard.Web.Api.Contracts;

/// <summary>An alert rule as the API shows and takes it.</summary>
public sealed record AlertRuleData(
    string Id, AlertKind Kind, string Scope, double Threshold, AlertSeverity Severity, int ForPolls, bool Enabled, bool Configured)
{
    public static AlertRuleData From(AlertRule rule, bool configured) =>
        new(rule.Id, rule.Kind, rule.Scope.ToString(), rule.Threshold, rule.Severity, rule.ForPolls, rule.Enabled, configured);
}
