using Dashboard.Core.Alerts;
using Dashboard.Core.Configuration;
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
    /// Stores the rule; false, storing nothing, when it would be a new row past <see cref="AlertOptions.MaxRules"/>
    /// (a configured rule can always be changed).
    /// </summary>
    public Task<bool> SaveAsync(AlertRule rule, string? updatedBy, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await context.AlertRules.FindAsync([rule.Id], cancellationToken).ConfigureAwait(false);
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
            row.UpdatedBy = updatedBy;
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Deletes an added rule, or puts a configured one back to its configuration.</summary>
    public Task<bool> DeleteAsync(string ruleId, CancellationToken cancellationToken) =>
        DatabaseErrors.RunAsync(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await context.AlertRules.Where(rule => rule.Id == ruleId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
}
