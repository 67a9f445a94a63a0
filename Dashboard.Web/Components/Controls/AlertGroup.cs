using Dashboard.Core.Alerts;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// The alerts of one rule in one scope, newest first: a rule that flaps (13 high_cpu alerts in 20 minutes) is one
/// entry with its repeats, not 13 rows.
/// </summary>
public sealed record AlertGroup(IReadOnlyList<AlertRecord> Alerts)
{
    /// <summary>The newest alert, the one the group is named and acted on by.</summary>
    public AlertRecord Latest => Alerts[0];

    /// <summary>Groups a page of alerts by rule and scope, in the order the page lists them (open ones first).</summary>
    public static IReadOnlyList<AlertGroup> Of(IEnumerable<AlertRecord> alerts) =>
    [
        .. alerts
            .GroupBy(alert => (alert.RuleId, alert.Scope))
            .Select(group => new AlertGroup([.. group.OrderByDescending(alert => alert.TriggeredAt)])),
    ];
}
