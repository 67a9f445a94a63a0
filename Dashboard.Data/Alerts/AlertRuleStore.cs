using Dashboard.Core.Alerts;
using Dashboard.Core.Configuration;
using Dashboard.Data.Audit;
using Dashboard.Data.Entities;
using Dashboard.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Data.Alerts;

/// <summary>
/// The alert rules in force: the configured ones (<c>Dashboard:Alerts</c>) as admins changed them, and the rules
/// admins added, such as high concurrency in one module or organization.
/// </summary>
public sealed class AlertRuleStore(IDbContextFactory<HistoryDbContext> contexts, IOptions<AlertOptions> options, TimeProvider time)
{
    public Task<IReadOnlyList<AlertRule>> ListAsync(CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync<IReadOnlyList<AlertRule>>(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var saved = await context.AlertRules.AsNoTracking().ToDictionaryAsync(rule => rule.Id, cancellationToken).ConfigureAwait(false);
            var configured = options.Value.DefaultRules();
            return
            [
                .. configured.Select(rule => saved.TryGetValue(rule.Id, out var edited) ? edited.ToRule() : rule),
                .. saved.Values.Where(rule => configured.All(configuredRule => configuredRule.Id != rule.Id)).Select(rule => rule.ToRule()).OrderBy(rule => rule.Id, StringComparer.Ordinal),
            ];
        });

    /// <summary>Whether <paramref name="ruleId"/> is one of the configured rules (which can be changed, not deleted).</summary>
    public bool IsConfigured(string ruleId) => options.Value.DefaultRules().Any(rule => rule.Id == ruleId);

    /// <summary>
    /// Stores the rule, with the audit row saying what it was before and after; false, storing nothing, when it would be
    /// a new row past <see cref="AlertOptions.MaxRules"/> (a configured rule can always be changed).
    /// </summary>
    public Task<bool> SaveAsync(AlertRule rule, AuditActor actor, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await context.AlertRules.FindAsync([rule.Id], cancellationToken).ConfigureAwait(false);
            var before = row?.ToRule() ?? options.Value.DefaultRules().FirstOrDefault(configured => configured.Id == rule.Id);
            if (row is null)
            {
                if (!IsConfigured(rule.Id) && await context.AlertRules.CountAsync(cancellationToken).ConfigureAwait(false) >= options.Value.MaxRules)
                {
                    return false;
                }

                row = new AlertRuleSetting { Id = rule.Id, Scope = rule.Scope.ToString() };
                context.AlertRules.Add(row);
            }

            row.Kind = rule.Kind;
            row.Scope = rule.Scope.ToString();
            row.Threshold = rule.Threshold;
            row.Severity = rule.Severity;
            row.ForPolls = rule.ForPolls;
            row.Enabled = rule.Enabled;
            row.UpdatedAt = time.GetUtcNow();
            row.UpdatedBy = actor.Name;
            context.AuditLog.Add(actor.Entry(row.UpdatedAt, before is null ? AuditActions.RuleAdded : AuditActions.RuleChanged, rule.Id,
                new { Before = Describe(before), After = Describe(rule) }));
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Deletes an added rule, or puts a configured one back to its configuration; the audit row says what it was and is.</summary>
    public Task<bool> DeleteAsync(string ruleId, AuditActor actor, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await context.AlertRules.FindAsync([ruleId], cancellationToken).ConfigureAwait(false) is not { } row)
            {
                return false;
            }

            context.AlertRules.Remove(row);
            var after = options.Value.DefaultRules().FirstOrDefault(configured => configured.Id == ruleId);
            context.AuditLog.Add(actor.Entry(time.GetUtcNow(), AuditActions.RuleDeleted, ruleId,
                new { Before = Describe(row.ToRule()), After = Describe(after) }));
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    // The rule as the audit trail shows it; null when there was none (added) or is none (deleted).
    private static object? Describe(AlertRule? rule) => rule is null
        ? null
        : new { rule.Kind, Scope = rule.Scope.ToString(), rule.Threshold, rule.Severity, rule.ForPolls, rule.Enabled };
}
