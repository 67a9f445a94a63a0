using Dashboard.Core.Alerts;

namespace Dashboard.Web.Api.Contracts;

/// <summary><c>PUT alerts/rules/{id}</c>: the rule's new settings, and who changed them.</summary>
public sealed record AlertRuleRequest(
    AlertKind? Kind, string? Scope, double? Threshold, AlertSeverity? Severity, int? ForPolls, bool? Enabled, string? UpdatedBy);
