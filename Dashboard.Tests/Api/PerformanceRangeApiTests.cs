using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Performance;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Api;

/// <summary>
/// Performance over a range through the API, merged from the minute rows the polls record on a fake clock into SQLite:
/// 100 fast requests in tax in one minute, then 10 slow ones in payroll (half of them errors) in the next.
/// </summary>
public sealed class PerformanceRangeApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(FakeClockApp.Start);
    private DashboardApp _app = null!;
    private readonly LatencyHistogram _tax = new();
    private readonly LatencyHistogram _payroll = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await FakeClockApp.StartAsync(_time);
        _client = _app.CreateClient();
        await TrackAsync(_tax, Enumerable.Range(1, 100).Select(i => ("tax", 5.0 + i % 10, false)));
        await _app.PollAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await TrackAsync(_payroll, Enumerable.Range(1, 10).Select(i => ("payroll", 900.0 + i * 20, i % 2 == 0)));
        await _app.PollAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Performance_LastHour_MergesEveryMinuteOverallAndPerModule()
    {
        var data = await _app.GetDataAsync($"{DashboardApp.Api}/performance?start=1h&end=now");

        var all = new LatencyHistogram();
        all.Merge(_tax);
        all.Merge(_payroll);
        AssertFigures(all, data);
        Assert.Equal("overall", data.GetProperty("scope").GetString());
        Assert.Equal(_time.GetUtcNow(), data.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(_time.GetUtcNow().AddHours(-1), data.GetProperty("start").GetDateTimeOffset());
        var modules = data.GetProperty("modules").EnumerateArray().ToDictionary(module => module.GetProperty("module_id").GetString()!);
        AssertFigures(_tax, modules["tax"]);
        AssertFigures(_payroll, modules["payroll"]);
        // The dashboard's own API calls are listed, apart from the platform's overall figures.
        Assert.True(modules["dashboard-api"].GetProperty("requests").GetInt64() > 0);
    }

    [Fact]
    public async Task Performance_OneModule_AnswersItsFiguresAlone()
    {
        var data = await _app.GetDataAsync($"{DashboardApp.Api}/performance?start=1h&module=payroll");

        AssertFigures(_payroll, data);
        Assert.Equal(0.5, data.GetProperty("error_rate").GetDouble());
        Assert.Equal("module:payroll", data.GetProperty("scope").GetString());
        Assert.Empty(data.GetProperty("modules").EnumerateArray());
    }

    [Fact]
    public async Task Performance_RangeBeforeTheMinutesWithRequests_AnswersNoRequestsAndNullPercentiles()
    {
        var data = await _app.GetDataAsync($"{DashboardApp.Api}/performance?start=2026-11-26T11:00:00Z&end=2026-11-26T12:00:00Z");

        Assert.Equal(0, data.GetProperty("requests").GetInt64());
        Assert.Equal(0, data.GetProperty("error_rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("p95").ValueKind);
        Assert.Empty(data.GetProperty("modules").EnumerateArray());
    }

    [Fact]
    public async Task Performance_ModuleWithoutRequests_AnswersNoRequests()
    {
        var data = await _app.GetDataAsync($"{DashboardApp.Api}/performance?start=1h&module=reports");

        Assert.Equal(0, data.GetProperty("requests").GetInt64());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("p50").ValueKind);
    }

    [Theory]
    [InlineData("?start=yesterday", "start")]
    [InlineData("?start=now&end=1h", "start")]
    [InlineData("?start=6y", "start")]
    [InlineData("?start=2026-13-01", "start")]
    [InlineData("?start=1h&module=bad%20id", "module")]
    [InlineData("?start=1h&organization=acme", "organization")]
    [InlineData("?start=1h&module=tax&organization=acme", "organization")]
    public async Task Performance_BadQuery_Answers400Envelope(string query, string field)
    {
        var response = await _client.GetAsync($"{DashboardApp.Api}/performance{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(field, Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    // The answer rounds to 0.1 ms and to 4 decimals of error rate.
    private static void AssertFigures(LatencyHistogram expected, JsonElement actual)
    {
        Assert.Equal(expected.Count, actual.GetProperty("requests").GetInt64());
        Assert.Equal(expected.Errors, actual.GetProperty("errors").GetInt64());
        Assert.Equal(Math.Round(expected.ErrorRate, 4), actual.GetProperty("error_rate").GetDouble());
        foreach (var percent in new[] { 50, 95, 99 })
        {
            Assert.Equal(Math.Round(expected.Percentile(percent)!.Value, 1), actual.GetProperty($"p{percent}").GetDouble());
        }
    }

    private async Task TrackAsync(LatencyHistogram recorded, IEnumerable<(string Module, double ResponseTimeMs, bool IsError)> requests)
    {
        var activities = requests.Select((request, i) =>
        {
            recorded.Record(request.ResponseTimeMs, request.IsError);
            return new
            {
                userId = $"u{i}", organizationId = "acme", sessionId = $"{request.Module}-{i}", moduleId = request.Module,
                responseTimeMs = request.ResponseTimeMs, isError = request.IsError,
            };
        }).ToList();
        (await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities })).EnsureSuccessStatusCode();
    }
}
