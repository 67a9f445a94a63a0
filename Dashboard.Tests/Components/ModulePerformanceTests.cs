using Bunit;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Tracking;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages;

namespace Dashboard.Tests.Components;

/// <summary>Each module's response times and errors: beside its users on the overview, charted on its page.</summary>
public sealed class ModulePerformanceTests : DashboardComponentContext
{
    [Fact]
    public async Task Overview_ModuleOverItsThresholds_ShowsP95AndErrorRateInTheAlertColour()
    {
        // The default rules: P95 over 500 ms, error rate over 5%.
        await PollAfterAsync(
            Activity.Of("u1", "s1", "tax") with { ResponseTimeMs = 900, IsError = true },
            Activity.Of("u2", "s2", "tax") with { ResponseTimeMs = 900 },
            Activity.Of("u3", "s3", "payroll") with { ResponseTimeMs = 100 });

        var page = Render<Home>();

        var rows = page.FindAll("[data-testid=module-row]");
        var tax = rows.Single(row => row.QuerySelector("[data-testid=module-link]")!.TextContent == "tax");
        var payroll = rows.Single(row => row.QuerySelector("[data-testid=module-link]")!.TextContent == "payroll");
        Assert.Equal("50%", tax.QuerySelector("[data-testid=module-error-rate]")!.TextContent);
        Assert.Contains("mud-error-text", tax.QuerySelector("[data-testid=module-error-rate]")!.ClassName);
        Assert.Contains("mud-error-text", tax.QuerySelector("[data-testid=module-p95]")!.ClassName);
        Assert.Equal("0%", payroll.QuerySelector("[data-testid=module-error-rate]")!.TextContent);
        Assert.DoesNotContain("mud-error-text", payroll.QuerySelector("[data-testid=module-p95]")!.ClassName);
    }

    [Fact]
    public async Task ModulePage_RequestsWithResponseTimes_ChartsItsLatencyAndErrorRateOnly()
    {
        await PollAfterAsync(
            Activity.Of("u1", "s1", "tax") with { ResponseTimeMs = 800, IsError = true },
            Activity.Of("u2", "s2", "payroll") with { ResponseTimeMs = 100 });
        NavigateTo("/modules/tax?range=1h");

        var page = Render<ModulePage>(parameters => parameters.Add(p => p.Id, "tax"));

        var charts = page.FindComponents<ApexChart>();
        var latency = charts.Single(chart => chart.Instance.AdditionalAttributes?["data-testid"] as string == "latency-chart");
        var errors = charts.Single(chart => chart.Instance.AdditionalAttributes?["data-testid"] as string == "error-rate-chart");
        page.WaitForAssertion(() => Assert.Single(latency.Instance.Series.Single(series => series.Name == "P95").Points));
        Assert.InRange(latency.Instance.Series.Single(series => series.Name == "P50").Points.Single().Value, 800 * 0.98, 800 * 1.02);
        Assert.Equal(100, errors.Instance.Series.Single().Points.Single().Value);
    }
}
