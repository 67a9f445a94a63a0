using Bunit;
using Dashboard.Core.Alerts;
using Dashboard.Data.Alerts;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Components.Controls;
using AlertsPage = Dashboard.Web.Components.Pages.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

public sealed class AlertsPageTests : DashboardComponentContext
{
    private static readonly AlertRule Cpu = new("high_cpu", AlertKind.HighCpu, AlertScope.Overall, 80, AlertSeverity.Warning, 3);

    [Fact]
    public async Task Render_RuleFlappedThreeTimes_ShowsOneEntryWithItsRepeatsAndTimeline()
    {
        var alerts = Services.GetRequiredService<AlertStore>();
        var at = Time.GetUtcNow().AddMinutes(-20);
        for (var flap = 0; flap < 3; flap++)
        {
            await alerts.ApplyAsync([new(AlertTransitionKind.Fired, Cpu, 91, at.AddMinutes(flap * 5))], default);
            await alerts.ApplyAsync([new(AlertTransitionKind.Resolved, Cpu, 50, at.AddMinutes((flap * 5) + 2))], default);
        }

        var page = Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=alert-row]")));
        Assert.StartsWith("3 times since", page.Find("[data-testid=alert-repeats]").TextContent, StringComparison.Ordinal);
        var timeline = page.Find("[data-testid=alert-timeline]").TextContent;
        Assert.Equal(3, CountOf(timeline, "fired: CPU 91% > 80%"));
        Assert.Equal(3, CountOf(timeline, "resolved"));
    }

    [Fact]
    public async Task Render_MoreAlertsThanAPage_LinksTheOlderPage()
    {
        var alerts = Services.GetRequiredService<AlertStore>();
        var at = Time.GetUtcNow().AddHours(-10);
        for (var rule = 0; rule < AlertList.PageSize + 1; rule++)
        {
            await alerts.ApplyAsync([new(AlertTransitionKind.Fired, Cpu with { Id = $"cpu-{rule}" }, 91, at.AddMinutes(rule))], default);
        }

        var page = Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.Equal(AlertList.PageSize, page.FindAll("[data-testid=alert-row]").Count));
        Assert.Equal("/alerts?page=2", page.Find("[data-testid=alerts-next]").GetAttribute("href"));
        Assert.StartsWith($"Alerts 1–{AlertList.PageSize} of {AlertList.PageSize + 1}", page.Find("[data-testid=alerts-shown]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRule_AdminFillsTheForm_SavesItAndDeleteRemovesIt()
    {
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=rule-row]")));

        // MudBlazor puts the test id on the input itself.
        page.Find("input[data-testid=new-rule-scope]").Change("module:tax");
        page.Find("input[data-testid=new-rule-threshold]").Change("500");
        await page.Find("[data-testid=new-rule-add]").ClickAsync(new());

        var rules = Services.GetRequiredService<AlertRuleStore>();
        var added = Assert.Single(await rules.ListAsync(default), rule => rule.Id == "high-concurrency-module-tax");
        Assert.Equal((AlertScope.Module("tax"), 500.0), (added.Scope, added.Threshold));
        var row = page.WaitForElement("[data-rule-id=high-concurrency-module-tax]");

        await row.QuerySelector("[data-testid=rule-delete]")!.ClickAsync(new());

        Assert.DoesNotContain(await rules.ListAsync(default), rule => rule.Id == "high-concurrency-module-tax");
    }

    [Fact]
    public void Render_Rules_EveryNumberFieldSaysWhatItIsAndItsUnit()
    {
        var page = Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=rule-row]")));

        var errorRate = page.Find("[data-rule-id=high-error-rate]");
        var labels = errorRate.QuerySelectorAll("label").Select(label => label.TextContent.Trim()).ToList();
        Assert.Contains("Threshold (%)", labels);
        Assert.Contains("Polls before firing", labels);
        // The rule stores a share of requests (0.05); people read and type a percentage.
        Assert.Equal("5", errorRate.QuerySelector("input[data-testid=rule-threshold]")!.GetAttribute("value"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
