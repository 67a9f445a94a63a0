using Dashboard.Core.Alerts;
using Dashboard.Data.Alerts;
using Dashboard.Data.Audit;

namespace Dashboard.Web.Live;

/// <summary>
/// What the alerts page reads and changes: the alert list and the rules, read once per poll per question like the
/// other per-poll reads; and acknowledging an alert or saving or deleting a rule, which write to the database and make
/// the next read see the change at once instead of at the next poll.
/// </summary>
public sealed class AlertManagement(AlertStore alerts, AlertRuleStore rules, PerPollCache cache, TimeProvider time)
{
    private int _version;

    public Task<(IReadOnlyList<AlertRecord> Alerts, int Total)> ListAsync(AlertQuery query) =>
        cache.GetAsync(("alerts", query, Volatile.Read(ref _version)), () => alerts.ListAsync(query, CancellationToken.None));

    public async Task<(AcknowledgeOutcome Outcome, AlertRecord? Alert)> AcknowledgeAsync(long id, AuditActor actor, string? note)
    {
        var result = await alerts.AcknowledgeAsync(id, actor, note, time.GetUtcNow(), CancellationToken.None);
        Interlocked.Increment(ref _version);
        return result;
    }

    public Task<IReadOnlyList<AlertRule>> RulesAsync() =>
        cache.GetAsync(("rules", Volatile.Read(ref _version)), () => rules.ListAsync(CancellationToken.None));

    /// <summary>Stores the rule; false when it would be one added rule too many (<c>Dashboard:Alerts:MaxRules</c>).</summary>
    public async Task<bool> SaveRuleAsync(AlertRule rule, AuditActor actor)
    {
        var saved = await rules.SaveAsync(rule, actor, CancellationToken.None);
        Interlocked.Increment(ref _version);
        return saved;
    }

    /// <summary>Deletes an added rule (a configured one goes back to its configuration).</summary>
    public async Task DeleteRuleAsync(string ruleId, AuditActor actor)
    {
        await rules.DeleteAsync(ruleId, actor, CancellationToken.None);
        Interlocked.Increment(ref _version);
    }

    /// <summary>Whether the rule comes from configuration: it can be changed, not deleted.</summary>
    public bool IsConfigured(string ruleId) => rules.IsConfigured(ruleId);
}
