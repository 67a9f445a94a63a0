using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Alerts;

/// <summary>A rule id is a row: how many rules can be stored is bounded by <c>Dashboard:Alerts:MaxRules</c>.</summary>
public sealed class AlertRuleBoundApiTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(new Dictionary<string, string?> { ["Dashboard:Alerts:MaxRules"] = "2" });
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SaveRule_NewRulePastTheBound_Answers409AndStoresNothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await PutRuleAsync("tax-busy", "module:tax")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutRuleAsync("payroll-busy", "module:payroll")).StatusCode);
        var before = await RuleIdsAsync();

        var refused = await PutRuleAsync("hr-busy", "module:hr");
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Too many alert rules", body.GetProperty("error").GetString());
        Assert.Equal(before, await RuleIdsAsync());
        Assert.DoesNotContain("hr-busy", before);
    }

    [Fact]
    public async Task SaveRule_ConfiguredRulePastTheBound_IsStillChanged()
    {
        await PutRuleAsync("tax-busy", "module:tax");
        await PutRuleAsync("payroll-busy", "module:payroll");

        var changed = await _client.PutAsJsonAsync($"{DashboardApp.Api}/alerts/rules/high-concurrency",
            new { kind = "high_concurrency", scope = "overall", threshold = 250, severity = "warning", for_polls = 2, enabled = true });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    private Task<HttpResponseMessage> PutRuleAsync(string id, string scope) =>
        _client.PutAsJsonAsync($"{DashboardApp.Api}/alerts/rules/{id}",
            new { kind = "high_concurrency", scope, threshold = 10, severity = "warning", for_polls = 2, enabled = true });

    private async Task<List<string>> RuleIdsAsync()
    {
        var data = await _app.GetDataAsync($"{DashboardApp.Api}/alerts/rules");
        return [.. data.EnumerateArray().Select(rule => rule.GetProperty("id").GetString()!)];
    }
}
