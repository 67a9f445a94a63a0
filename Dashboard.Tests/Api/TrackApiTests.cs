using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Api;

public sealed class TrackApiTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();
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
    public async Task Track_SpecBody_IsCountedAfterTheNextPoll()
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track", new
        {
            userId = "user123",
            organizationId = "org456",
            sessionId = "session789",
            moduleId = "accounting",
            userAgent = "Mozilla/5.0",
            ipAddress = "192.168.1.1",
            isActive = true,
        });
        await _app.PollAsync();
        var current = await _app.GetDataAsync($"{DashboardApp.Api}/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await Envelope(response)).GetProperty("data").GetProperty("accepted").GetInt32());
        Assert.Equal(1, current.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(1, current.GetProperty("active_sessions").GetInt64());
    }

    [Fact]
    public async Task Track_InvalidFields_Answers400ListingEveryProblemAndStoresNothing()
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track", new
        {
            userId = "",
            organizationId = "org 456",
            sessionId = new string('s', 129),
            moduleId = "accounting",
            userAgent = new string('a', 513),
            ipAddress = "300.1.1.1",
        });

        var body = await Envelope(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("Invalid input", body.GetProperty("error").GetString());
        Assert.Equal(
            ["userId", "organizationId", "sessionId", "userAgent", "ipAddress"],
            body.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("field").GetString()));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Track_NulInUserAgent_Answers400NamingTheFieldAndStoresNothing()
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track", new
        {
            userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "m1", userAgent = "Mozilla\u0000/5.0",
        });

        var body = await Envelope(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("userAgent", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Track_MissingFields_AreEachReportedAsRequired()
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track", new { moduleId = "tax" });

        var body = await Envelope(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userId is required.", body.GetProperty("details").GetString());
        Assert.Equal(3, body.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Track_MalformedJson_Answers400Envelope()
    {
        var response = await _client.PostAsync($"{DashboardApp.Api}/track", new StringContent("{\"userId\": ", Encoding.UTF8, "application/json"));

        var body = await Envelope(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Malformed JSON", body.GetProperty("error").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Track_NonJsonContentType_Answers415Envelope()
    {
        var response = await _client.PostAsync($"{DashboardApp.Api}/track", new StringContent("userId=u1", Encoding.UTF8, "text/plain"));

        var body = await Envelope(response);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Track_BodyOver16KB_Answers413Envelope()
    {
        var body = JsonSerializer.Serialize(new
        {
            userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "m1", userAgent = new string('a', 17 * 1024),
        });

        var response = await _client.PostAsync($"{DashboardApp.Api}/track", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Request body too large", (await Envelope(response)).GetProperty("error").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task TrackBatch_ValidActivities_AreAllCounted()
    {
        var activities = Enumerable.Range(0, 250)
            .Select(i => new { userId = $"u{i % 100}", organizationId = $"org{i % 3}", sessionId = $"s{i}", moduleId = "tax" });

        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities });
        await _app.PollAsync();
        var current = await _app.GetDataAsync($"{DashboardApp.Api}/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(250, (await Envelope(response)).GetProperty("data").GetProperty("accepted").GetInt32());
        Assert.Equal(100, current.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(250, current.GetProperty("active_sessions").GetInt64());
    }

    [Fact]
    public async Task TrackBatch_OneInvalidItem_RefusesAllWithPerItemErrors()
    {
        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new
        {
            activities = new object[]
            {
                new { userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "m1" },
                new { userId = "u2", organizationId = "o1", sessionId = "s2", moduleId = "m 1" },
            },
        });

        var body = await Envelope(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("activities[1].moduleId", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task TrackBatch_Over1000Activities_IsRefused()
    {
        var activities = Enumerable.Range(0, 1001).Select(i => new { userId = $"u{i}", organizationId = "o", sessionId = $"s{i}", moduleId = "m" });

        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("activities", Assert.Single((await Envelope(response)).GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Track_SessionHeldByAnotherUser_Answers409EnvelopeAndKeepsTheFirstUsersSession()
    {
        await _client.PostAsJsonAsync($"{DashboardApp.Api}/track", new { userId = "alice", organizationId = "acme", sessionId = "hx-1", moduleId = "tax" });

        var response = await _client.PostAsJsonAsync(
            $"{DashboardApp.Api}/track", new { userId = "mallory", organizationId = "evilcorp", sessionId = "hx-1", moduleId = "tax" });
        var sessions = await _app.GetDataAsync($"{DashboardApp.Api}/sessions");

        var body = await Envelope(response);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("Session belongs to another user", body.GetProperty("error").GetString());
        Assert.Equal("sessionId", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal("alice", Assert.Single(sessions.GetProperty("sessions").EnumerateArray()).GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task TrackBatch_ItemForAnotherUsersSession_Answers409AndRecordsNoItem()
    {
        await _client.PostAsJsonAsync($"{DashboardApp.Api}/track", new { userId = "alice", organizationId = "acme", sessionId = "hx-1", moduleId = "tax" });

        var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new
        {
            activities = new object[]
            {
                new { userId = "mallory", organizationId = "evilcorp", sessionId = "m-1", moduleId = "tax" },
                new { userId = "mallory", organizationId = "evilcorp", sessionId = "hx-1", moduleId = "tax" },
            },
        });
        await _app.PollAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            "activities[1].sessionId",
            Assert.Single((await Envelope(response)).GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal(1, (await _app.GetDataAsync($"{DashboardApp.Api}/current")).GetProperty("active_sessions").GetInt64());
    }

    [Fact]
    public async Task TrackBatch_FiftyThousandDistinctModules_KeepPayloadAndHistoryRowsAtTheBound()
    {
        foreach (var batch in Enumerable.Range(0, 50_000).Chunk(1000))
        {
            var response = await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new
            {
                activities = batch.Select(i => new { userId = $"u{i}", organizationId = "o1", sessionId = $"s{i}", moduleId = $"m{i}" }),
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _app.PollAsync();
        var metrics = await _app.GetDataAsync($"{DashboardApp.Api}/metrics");
        await using var history = await _app.Services.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContextAsync();

        Assert.Equal(201, metrics.GetProperty("modules").GetArrayLength());
        Assert.Equal(49_800, metrics.GetProperty("activities_counted_as_other").GetInt64());
        Assert.Equal(201, await history.ModuleUsageTracking.Select(row => row.ModuleId).Distinct().CountAsync());
    }

    private async Task AssertNothingStoredAsync()
    {
        await _app.PollAsync();
        Assert.Equal(0, (await _app.GetDataAsync($"{DashboardApp.Api}/current")).GetProperty("active_sessions").GetInt64());
    }

    private static async Task<JsonElement> Envelope(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
