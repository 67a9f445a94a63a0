using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>Response times sent with activity, on real Redis, come back as percentiles and error rates in metrics.</summary>
public sealed class PerformanceApiTests : IAsyncLifetime
{
    private DashboardApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = (await TestServers.RedisAsync()).Endpoint,
        });
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_AfterTrackedResponseTimes_ShowPercentilesAndErrorRatePerModule()
    {
        var activities = Enumerable.Range(1, 100).Select(i => new
        {
            userId = $"u{i}", organizationId = "acme", sessionId = $"s{i}", moduleId = i <= 50 ? "tax" : "payroll",
            responseTimeMs = i * 10.0, isError = i % 25 == 0,
        });
        (await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities })).EnsureSuccessStatusCode();
        await _app.PollAsync();

        var performance = (await _app.GetDataAsync($"{DashboardApp.Api}/metrics")).GetProperty("performance");

        // Overall is the platform's requests: the dashboard's own API calls are listed apart.
        Assert.Equal(100, performance.GetProperty("requests").GetInt64());
        Assert.Equal(0.04, performance.GetProperty("error_rate").GetDouble());
        Assert.InRange(performance.GetProperty("p50").GetDouble(), 490, 510);
        Assert.InRange(performance.GetProperty("p95").GetDouble(), 931, 969);
        Assert.Equal(300, performance.GetProperty("window_seconds").GetInt32());
        var tax = performance.GetProperty("modules").EnumerateArray().Single(module => module.GetProperty("module_id").GetString() == "tax");
        Assert.Equal(50, tax.GetProperty("requests").GetInt64());
        Assert.Equal(0.04, tax.GetProperty("error_rate").GetDouble());
    }

    [Fact]
    public async Task Metrics_AfterApiCalls_CountTheApisOwnResponseTimesUnderItsModule()
    {
        for (var i = 0; i < 3; i++)
        {
            (await _client.GetAsync($"{DashboardApp.Api}/health")).EnsureSuccessStatusCode();
        }

        await _app.PollAsync();
        var performance = (await _app.GetDataAsync($"{DashboardApp.Api}/metrics")).GetProperty("performance");

        var api = performance.GetProperty("modules").EnumerateArray().Single(module => module.GetProperty("module_id").GetString() == "dashboard-api");
        Assert.True(api.GetProperty("requests").GetInt64() >= 3);
        Assert.Equal(0, api.GetProperty("error_rate").GetDouble());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(600001)]
    public async Task Track_ResponseTimeOutOfRange_Answers400AndStoresNothing(double responseTimeMs)
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track",
            new { userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "tax", responseTimeMs });
        await _app.PollAsync();

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("responseTimeMs", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal(0, (await _app.GetDataAsync($"{DashboardApp.Api}/metrics")).GetProperty("performance").GetProperty("requests").GetInt64());
    }
}
