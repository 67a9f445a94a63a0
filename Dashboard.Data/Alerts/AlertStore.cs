using System.Globalization;
using Dashboard.Core.Alerts;
using Dashboard.Data.Audit;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Alerts;

/// <summary>
/// The alerts' life in the database: each transition the evaluator decides is persisted, people acknowledge them,
/// and at most one alert per rule is open at a time (a unique index keeps it so across instances).
/// </summary>
public sealed class AlertStore(IDbContextFactory<HistoryDbContext> contexts)
{
    /// <summary>Rules whose alert is open, so an evaluator that starts (again) carries on with them.</summary>
    public Task<IReadOnlyList<string>> OpenRuleIdsAsync(CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<IReadOnlyList<string>>(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await context.PerformanceAlerts
                .Where(alert => alert.Status != AlertStatus.Resolved)
                .Select(alert => alert.RuleId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Persists the transitions of one poll and returns the alerts that fired or resolved (for the webhook).</summary>
    public Task<IReadOnlyList<AlertRecord>> ApplyAsync(IReadOnlyList<AlertTransition> transitions, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<IReadOnlyList<AlertRecord>>(async () =>
        {
            var announced = new List<AlertRecord>();
            foreach (var transition in transitions)
            {
                if (await ApplyAsync(transition, cancellationToken).ConfigureAwait(false) is { } changed
                    && transition.Kind != AlertTransitionKind.Repeated)
                {
                    announced.Add(changed);
                }
            }

            return announced;
        });

    public Task<(IReadOnlyList<AlertRecord> Alerts, int Total)> ListAsync(AlertQuery query, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<(IReadOnlyList<AlertRecord>, int)>(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var alerts = context.PerformanceAlerts.AsNoTracking().AsQueryable();
            if (query.Status is { } status)
            {
                alerts = alerts.Where(alert => alert.Status == status);
            }

            if (query.Severity is { } severity)
            {
                alerts = alerts.Where(alert => alert.Severity == severity);
            }

            var total = await alerts.CountAsync(cancellationToken).ConfigureAwait(false);
            // Active first, then acknowledged, then resolved; newest first within each.
            var page = await alerts
                .OrderBy(alert => alert.Status == AlertStatus.Active ? 0 : alert.Status == AlertStatus.Acknowledged ? 1 : 2)
                .ThenByDescending(alert => alert.TriggeredAt)
                .ThenByDescending(alert => alert.Id)
                .Skip(query.Offset)
                .Take(query.PageSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return ([.. page.Select(ToRecord)], total);
        });

    /// <summary>The open alerts by severity and how many of them nobody acknowledged: one query, each poll.</summary>
    public Task<OpenAlertCounts> CountOpenAsync(CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var groups = await context.PerformanceAlerts
                .Where(alert => alert.Status != AlertStatus.Resolved)
                .GroupBy(alert => new { alert.Severity, alert.Status })
                .Select(group => new { group.Key.Severity, group.Key.Status, Count = group.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new OpenAlertCounts(
                groups.Where(group => group.Status == AlertStatus.Active).Sum(group => group.Count),
                Enum.GetValues<AlertSeverity>().ToDictionary(
                    severity => severity, severity => groups.Where(group => group.Severity == severity).Sum(group => group.Count)));
        });

    /// <summary>
    /// Records who saw an active alert, when, and what they noted; it stays acknowledged until it resolves. The audit
    /// row is written with it.
    /// </summary>
    public Task<(AcknowledgeOutcome Outcome, AlertRecord? Alert)> AcknowledgeAsync(
        long id, AuditActor actor, string? note, DateTimeOffset now, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<(AcknowledgeOutcome, AlertRecord?)>(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var alert = await context.PerformanceAlerts.FirstOrDefaultAsync(alert => alert.Id == id, cancellationToken).ConfigureAwait(false);
            if (alert is null)
            {
                return (AcknowledgeOutcome.NotFound, null);
            }

            if (alert.Status != AlertStatus.Active)
            {
                return (AcknowledgeOutcome.NotActive, ToRecord(alert));
            }

            alert.Status = AlertStatus.Acknowledged;
            alert.AcknowledgedAt = now;
            alert.AcknowledgedBy = actor.Name;
            alert.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            context.AuditLog.Add(actor.Entry(now, AuditActions.AlertAcknowledged, id.ToString(CultureInfo.InvariantCulture),
                new { alert.RuleId, alert.Note }));
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (AcknowledgeOutcome.Acknowledged, ToRecord(alert));
        });

    private async Task<AlertRecord?> ApplyAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var open = await context.PerformanceAlerts
            .FirstOrDefaultAsync(alert => alert.RuleId == transition.Rule.Id && alert.Status != AlertStatus.Resolved, cancellationToken)
            .ConfigureAwait(false);
        switch (transition.Kind)
        {
            case AlertTransitionKind.Resolved when open is not null:
                open.Status = AlertStatus.Resolved;
                open.ResolvedAt = transition.At;
                break;
            case AlertTransitionKind.Fired or AlertTransitionKind.Repeated when open is not null:
                // Another instance may have fired it first: either way this poll is a repeat of the open alert.
                open.ObservedValue = transition.Value;
                open.RepeatCount++;
                open.LastSeenAt = transition.At;
                break;
            case AlertTransitionKind.Fired or AlertTransitionKind.Repeated:
                open = new PerformanceAlert
                {
                    RuleId = transition.Rule.Id,
                    AlertType = transition.Rule.AlertType,
                    Scope = transition.Rule.Scope.ToString(),
                    Severity = transition.Rule.Severity,
                    Threshold = transition.Rule.Threshold,
                    ObservedValue = transition.Value,
                    Status = AlertStatus.Active,
                    TriggeredAt = transition.At,
                    LastSeenAt = transition.At,
                    RepeatCount = 1,
                };
                context.PerformanceAlerts.Add(open);
                break;
            default:
                return null;
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (transition.Kind == AlertTransitionKind.Fired)
        {
            // Another instance inserted the open alert between our read and write: it stands, ours is a repeat.
            return await ApplyAsync(transition with { Kind = AlertTransitionKind.Repeated }, cancellationToken).ConfigureAwait(false);
        }

        return ToRecord(open);
    }

    private static AlertRecord ToRecord(PerformanceAlert alert) => new(
        alert.Id, alert.RuleId, alert.AlertType, alert.Severity, alert.Scope, alert.Status, alert.ObservedValue, alert.Threshold,
        alert.RepeatCount, alert.TriggeredAt, alert.LastSeenAt, alert.AcknowledgedAt, alert.AcknowledgedBy, alert.Note, alert.ResolvedAt);
}
