using Dashboard.Core.Alerts;
using Dashboard.Core.Leases;
using Dashboard.Core.Performance;
using Dashboard.Core.Resources;
using Dashboard.Core.Tracking;
using Dashboard.Data.Alerts;

namespace Dashboard.Web.Alerts;

/// <summary>
/// Runs the alert rules on each poll: measures each rule's value from the snapshot and the resources, lets the
/// evaluator decide, persists the transitions and announces fired and resolved alerts to the webhook.
/// Only the instance holding the alerts lease evaluates, so each alert fires and is announced once per cluster.
/// </summary>
public sealed partial class AlertMonitor(
    AlertEvaluator evaluator,
    AlertRuleStore rules,
    AlertStore alerts,
    AlertWebhook webhook,
    ILiveStore liveStore,
    JobLeases leases,
    ILogger<AlertMonitor> logger)
{
    private bool _resumed;

    /// <summary>Evaluates one poll and returns the open alerts: how many wait for a human, and all by severity.</summary>
    public async Task<OpenAlertCounts> EvaluateAsync(
        LiveSnapshot snapshot, PerformanceSnapshot? performance, ResourceSample? resources, CancellationToken cancellationToken)
    {
        if (!await leases.HoldAsync(JobNames.Alerts, cancellationToken))
        {
            // Another instance evaluates; when this one takes over, it starts from the open alerts in the database.
            _resumed = false;
            return await alerts.CountOpenAsync(cancellationToken);
        }

        if (!_resumed)
        {
            evaluator.Resume(await alerts.OpenRuleIdsAsync(cancellationToken));
            _resumed = true;
        }

        var ruleList = await rules.ListAsync(cancellationToken);
        var organizations = await OrganizationUsersAsync(ruleList, snapshot, cancellationToken);
        var transitions = evaluator.Evaluate(ruleList, rule => ValueOf(rule, snapshot, organizations, performance, resources), snapshot.Timestamp);
        foreach (var transition in transitions.Where(transition => transition.Kind != AlertTransitionKind.Repeated))
        {
            LogTransition(logger, transition.Rule.Id, transition.Kind, transition.Value, transition.Rule.Threshold);
        }

        foreach (var announced in await alerts.ApplyAsync(transitions, cancellationToken))
        {
            webhook.Announce(announced);
        }

        return await alerts.CountOpenAsync(cancellationToken);
    }

    /// <summary>
    /// Users of every organization a rule watches. The snapshot ranks only the most active organizations; one it
    /// leaves out is read from the live store, unless the snapshot lists every active organization.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, long>> OrganizationUsersAsync(
        IReadOnlyList<AlertRule> ruleList, LiveSnapshot snapshot, CancellationToken cancellationToken)
    {
        var users = snapshot.Organizations.ToDictionary(organization => organization.Id, organization => organization.Users, StringComparer.Ordinal);
        if (snapshot.Organizations.Count == snapshot.ActiveOrganizations)
        {
            return users;
        }

        var unlisted = ruleList
            .Where(rule => rule.Enabled && rule.Scope.Kind == "organization" && rule.Scope.Id is { } id && !users.ContainsKey(id))
            .Select(rule => rule.Scope.Id!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var organization in unlisted)
        {
            users[organization] = (await liveStore.ReadOrganizationAsync(organization, cancellationToken)).Users;
        }

        return users;
    }

    /// <summary>What a rule compares with its threshold this poll; null when it is not measured here.</summary>
    public static double? ValueOf(
        AlertRule rule, LiveSnapshot snapshot, IReadOnlyDictionary<string, long> organizations, PerformanceSnapshot? performance, ResourceSample? resources) => rule.Kind switch
    {
        AlertKind.HighConcurrency => rule.Scope.Kind switch
        {
            "module" => snapshot.Modules.FirstOrDefault(module => module.Id == rule.Scope.Id)?.Users ?? 0,
            "organization" => organizations.GetValueOrDefault(rule.Scope.Id ?? ""),
            _ => snapshot.ConcurrentUsers,
        },
        // A window without requests has neither errors nor slow responses: an alert about them resolves.
        AlertKind.HighErrorRate => performance?.Overall.ErrorRate,
        AlertKind.HighResponseTime => performance is null ? null : performance.Overall.P95 ?? 0,
        AlertKind.HighCpu => resources?.HostCpuPercent,
        AlertKind.HighMemory => resources?.HostMemoryPercent,
        AlertKind.HighDbConnections => resources?.DbConnectionsPercent,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {RuleId} {Transition}: value {Value} against threshold {Threshold}")]
    private static partial void LogTransition(ILogger logger, string ruleId, AlertTransitionKind transition, double value, double threshold);
}
