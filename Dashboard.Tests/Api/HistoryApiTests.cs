using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Api;

/// <summary>Peak, average and trend through the API, over polls recorded on a fake clock into SQLite.</summary>
public sealed class HistoryApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(FakeClockApp.Start);
    private DashboardApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await FakeClockApp.StartAsync(_time);
        _client = _app.CreateClient();
        // Polls 10 s apart after the empty one at start: 2 users, then 3 (u3 in tax joins), then 2 (u3 logs out).
        _time.Advance(TimeSpan.FromSeconds(10));
        await TrackAsync("u1", "s1", "accounting");
        await TrackAsync("u2", "s2", "accounting");
        await _app.PollAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await TrackAsync("u3", "s3", "tax");
        await _app.PollAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await TrackAsync("u3", "s3", "tax", active: false);
        await _app.PollAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Peak_LastHour_IsTheHighestPollAndWhen()
    {
        var peak = await _app.GetDataAsync($"{DashboardApp.Api}/peak?start=1h&end=now");

        Assert.Equal(3, peak.GetProperty("peak_users").GetInt64());
        Assert.Equal(FakeClockApp.Start.AddSeconds(20), peak.GetProperty("peak_at").GetDateTimeOffset());
        Assert.Equal(_time.GetUtcNow(), peak.GetProperty("end").GetDateTimeOffset());
    }

    [Fact]
    public async Task Average_LastHour_WeighsEveryPollTheSame()
    {
        var average = await _app.GetDataAsync($"{DashboardApp.Api}/average?start=1h");

        // (0 + 2 + 3 + 2) / 4
        Assert.Equal(1.75, average.GetProperty("average_users").GetDouble());
    }

    [Fact]
    public async Task PeakAndAverage_ForAModule_CountOnlyItsUsers()
    {
        var peak = await _app.GetDataAsync($"{DashboardApp.Api}/peak?start=1h&module=tax");
        var average = await _app.GetDataAsync($"{DashboardApp.Api}/average?start=1h&module=tax");

        Assert.Equal(1, peak.GetProperty("peak_users").GetInt64());
        Assert.Equal("module:tax", peak.GetProperty("scope").GetString());
        Assert.Equal(0.25, average.GetProperty("average_users").GetDouble());
    }

    [Fact]
    public async Task Trend_LastHour_IsOneMinuteOfItsPollsAndNoChangeWithoutAPreviousPeriod()
    {
        var trend = await _app.GetDataAsync($"{DashboardApp.Api}/trend?start=1h&end=now");

        // All four polls (0, 2, 3, 2 users) fall in the minute 12:00.
        var point = Assert.Single(trend.GetProperty("points").EnumerateArray());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), point.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(1.75, point.GetProperty("concurrent_users").GetDouble());
        Assert.Equal(3, point.GetProperty("max_users").GetInt64());
        Assert.Equal("1m", trend.GetProperty("resolution").GetString());
        Assert.Equal(1.75, trend.GetProperty("average_users").GetDouble());
        Assert.Equal(JsonValueKind.Null, trend.GetProperty("change_percent").ValueKind);
    }

    [Fact]
    public async Task Trend_Csv_DownloadsTheSeries()
    {
        var response = await _client.GetAsync($"{DashboardApp.Api}/trend?start=1h&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["timestamp,concurrent_users,max_users", "2026-11-26T12:00:00.000Z,1.75,3"], lines);
    }

    [Theory]
    [InlineData("/peak?start=yesterday")]
    [InlineData("/peak?start=now&end=1h")]
    [InlineData("/average?start=6y")]
    [InlineData("/trend?start=2026-13-01")]
    [InlineData("/trend?start=1h&format=xml")]
    [InlineData("/peak?start=1h&module=tax&organization=acme")]
    [InlineData("/peak?start=1h&module=bad%20id")]
    public async Task History_BadQuery_Answers400Envelope(string path)
    {
        var response = await _client.GetAsync(DashboardApp.Api + path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Health_OnSqlite_ReportsTheDatabaseCheck()
    {
        var health = await _app.GetDataAsync($"{DashboardApp.Api}/health");

        var database = health.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "database");
        Assert.Equal("healthy", database.GetProperty("status").GetString());
        Assert.Equal(2, health.GetProperty("concurrent_users").GetInt64());
    }

    private async Task TrackAsync(string user, string session, string module, bool active = true)
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track",
            new { userId = user, organizationId = "acme", sessionId = session, moduleId = module, isActive = active });
        response.EnsureSuccessStatusCode();
    }
}
