using Dashboard.Core.Alerts;
using Dashboard.Data.Alerts;

namespace Dashboard.Web.Live;

/// <summary>
/// What the alert pages read and do: the alert list (read once per poll per filter, refreshed at once after an
/// acknowledgement), acknowledging, and the rules.
/// </summary>
public sealed class AlertReads(AlertStore alerts, AlertRuleStore rules, PerPollCache cache, TimeProvider time)
{
    private int _version;

    public Task<(IReadOnlyList<AlertRecord> Alerts, int Total)> ListAsync(AlertQuery query) =>
        cache.GetAsync(("alerts", query, Volatile.Read(ref _version)), () => alerts.ListAsync(query, CancellationToken.None));

    public async Task<(AcknowledgeOutcome Outcome, AlertRecord? Alert)> AcknowledgeAsync(long id, string acknowledgedBy, string? note)
    {
        var result = await alerts.AcknowledgeAsync(id, acknowledgedBy, note, time.GetUtcNow(), CancellationToken.None);
        Interlocked.Increment(ref _version);
        return result;
    }

    public Task<IReadOnlyList<AlertRule>> RulesAsync() =>
        cache.GetAsync(("rules", Volatile.Read(ref _version)), () => rules.ListAsync(CancellationToken.None));

    public async Task SaveRuleAsync(AlertRule rule, string? updatedBy)
    {
        await rules.SaveAsync(rule, updatedBy, CancellationToken.None);
        Interlocked.Increment(ref _version);
    }
}
