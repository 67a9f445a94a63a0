using System.Text.Json;
using Dashboard.Core.Alerts;
using Dashboard.Data.Alerts;
using Dashboard.Data.Audit;
using Dashboard.Data.Entities;
using Dashboard.Data.History;
using Dashboard.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Data;

/// <summary>
/// The audit trail in the history database: each change's row is written with the change (and not without it), the
/// trail reads newest first with its filters, and retention deletes rows past <c>Dashboard:Retention:AuditRows</c>.
/// </summary>
public abstract class AuditContract : HistoryDatabaseContract
{
    private static readonly AuditActor Ada = new("ada", "203.0.113.7");

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Dashboard:Retention:AuditRows"] = "30.00:00:00",
    };

    private AuditTrail Trail => Services.GetRequiredService<AuditTrail>();

    [Fact]
    public async Task SaveAndDeleteRule_WriteRowsWithBeforeAndAfter()
    {
        var rules = Services.GetRequiredService<AlertRuleStore>();
        var rule = new AlertRule("tax-busy", AlertKind.HighConcurrency, AlertScope.Module("tax"), 10, AlertSeverity.Warning, 2);

        await rules.SaveAsync(rule, Ada, default);
        await rules.SaveAsync(rule with { Threshold = 20 }, Ada, default);
        await rules.DeleteAsync(rule.Id, Ada, default);

        var (entries, total) = await Trail.ListAsync(new AuditQuery(), default);
        Assert.Equal(3, total);
        Assert.Equal([AuditActions.RuleDeleted, AuditActions.RuleChanged, AuditActions.RuleAdded], entries.Select(entry => entry.Action));
        Assert.All(entries, entry => Assert.Equal(("ada", "tax-busy", "203.0.113.7"), (entry.Actor, entry.Target, entry.ClientAddress)));
        using var changed = JsonDocument.Parse(entries[1].Details!);
        Assert.Equal(10, changed.RootElement.GetProperty("before").GetProperty("threshold").GetDouble());
        Assert.Equal(20, changed.RootElement.GetProperty("after").GetProperty("threshold").GetDouble());
        Assert.Equal("module:tax", changed.RootElement.GetProperty("after").GetProperty("scope").GetString());
        using var deleted = JsonDocument.Parse(entries[0].Details!);
        Assert.Equal(JsonValueKind.Null, deleted.RootElement.GetProperty("after").ValueKind);
    }

    [Fact]
    public async Task Acknowledge_WritesARowNamingTheAlert()
    {
        var alert = new PerformanceAlert
        {
            RuleId = "high-cpu", AlertType = "high_cpu", Scope = "overall", Severity = AlertSeverity.Warning,
            Status = AlertStatus.Active, TriggeredAt = Start,
        };
        await AddAsync(alert);

        await Services.GetRequiredService<AlertStore>().AcknowledgeAsync(alert.Id, Ada, "looking", Start, default);

        var entry = Assert.Single((await Trail.ListAsync(new AuditQuery(), default)).Entries);
        Assert.Equal((AuditActions.AlertAcknowledged, alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Action, entry.Target));
        Assert.Contains("\"note\":\"looking\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAndRevokeKey_WriteRows()
    {
        var keys = Services.GetRequiredService<ApiKeyStore>();
        var key = Key("exporter", "hash-1");

        await keys.AddAsync(key, Ada, default);
        await keys.RevokeAsync(key.Id, Start, Ada, default);
        await keys.RevokeAsync(key.Id, Start, Ada, default);

        var (entries, _) = await Trail.ListAsync(new AuditQuery(), default);
        Assert.Equal([AuditActions.KeyRevoked, AuditActions.KeyCreated], entries.Select(entry => entry.Action));
        Assert.All(entries, entry => Assert.Equal(key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Target));
    }

    [Fact]
    public async Task AddKey_ChangeFails_WritesNoRow()
    {
        var keys = Services.GetRequiredService<ApiKeyStore>();
        await keys.AddAsync(Key("first", "same-hash"), Ada, default);

        // The hash is unique: the second key is refused, and its audit row goes with it.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => keys.AddAsync(Key("second", "same-hash"), Ada, default));

        var entry = Assert.Single((await Trail.ListAsync(new AuditQuery(), default)).Entries);
        Assert.Contains("\"name\":\"first\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Filters_ByActorActionAndRange()
    {
        await AddAsync(
            Entry("ada", AuditActions.SignIn, Start.AddHours(-3)),
            Entry("ada", AuditActions.RoleChanged, Start.AddHours(-2)),
            Entry("bob", AuditActions.SignIn, Start.AddHours(-1)),
            Entry("ada", AuditActions.SignIn, Start.AddDays(-2)));

        var ada = await Trail.ListAsync(new AuditQuery { Actor = "ada", Start = Start.AddDays(-1), End = Start }, default);
        var signIns = await Trail.ListAsync(new AuditQuery { Action = AuditActions.SignIn, PageSize = 1, Offset = 1 }, default);

        Assert.Equal(2, ada.Total);
        Assert.Equal([Start.AddHours(-2), Start.AddHours(-3)], ada.Entries.Select(entry => entry.At));
        Assert.Equal(3, signIns.Total);
        Assert.Equal(Start.AddHours(-3), Assert.Single(signIns.Entries).At);
    }

    [Fact]
    public async Task Retention_DeletesRowsOlderThanAuditRows()
    {
        await AddAsync(
            Entry("ada", AuditActions.SignIn, Start.AddDays(-31)),
            Entry("ada", AuditActions.SignIn, Start.AddDays(-29)));

        await Services.GetRequiredService<HistoryRetention>().RunOnceAsync(default);

        await using var context = await ContextAsync();
        Assert.Equal(Start.AddDays(-29), Assert.Single(await context.AuditLog.ToListAsync()).At);
    }

    private static AuditEntry Entry(string actor, string action, DateTimeOffset at) => new AuditActor(actor, null).Entry(at, action, actor);

    private static StoredApiKey Key(string name, string hash) => new()
    {
        Name = name, Prefix = "cuk_abcd", Hash = hash, Scopes = "read", CreatedBy = "ada", CreatedAt = Start,
    };
}
