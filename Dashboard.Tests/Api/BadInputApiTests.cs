using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>Input the endpoints never see (unbindable parameters, paths that match nothing) still gets the envelope.</summary>
public sealed class BadInputApiTests : IAsyncLifetime
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

    [Theory]
    [InlineData("/peak?end=0001-01-01T00:00:00Z", "end")]
    [InlineData("/average?end=0001-01-01T00:00:00Z", "end")]
    [InlineData("/trend?end=0001-01-01T00:00:00Z", "end")]
    [InlineData("/performance?end=0001-01-01T00:00:00Z", "end")]
    [InlineData("/peak?start=0001-01-01&end=0001-01-02", "end")]
    [InlineData("/trend?start=1999-12-31T23:00:00Z", "start")]
    [InlineData("/average?end=9999-12-31T23:59:59Z", "end")]
    public async Task History_DateOutsideTheSpan_Answers400NamingIt(string path, string field) =>
        await AssertInvalidAsync(await _client.GetAsync(DashboardApp.Api + path), field);

    [Theory]
    [InlineData("/sessions?limit=abc", "limit")]
    [InlineData("/sessions?limit=2147483648", "limit")]
    [InlineData("/sessions?offset=1.5", "offset")]
    [InlineData("/alerts?limit=abc", "limit")]
    [InlineData("/alerts?offset=-", "offset")]
    [InlineData("/metrics?top=abc", "top")]
    public async Task Get_UnbindableParameter_Answers400NamingIt(string path, string field) =>
        await AssertInvalidAsync(await _client.GetAsync(DashboardApp.Api + path), field);

    [Fact]
    public async Task Acknowledge_IdNotANumber_Answers400NamingIt() =>
        await AssertInvalidAsync(await _client.PostAsJsonAsync($"{DashboardApp.Api}/alerts/abc/acknowledge", new { acknowledgedBy = "ana" }), "id");

    [Theory]
    [InlineData("/no-such-operation")]
    [InlineData("/module/m1/%2e%2e/%2e%2e/x")]
    [InlineData("/module/")]
    public async Task Get_NoSuchPath_Answers404Envelope(string path)
    {
        var response = await _client.GetAsync(DashboardApp.Api + path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Delete_OnAReadOnlyPath_Answers405Envelope()
    {
        var response = await _client.DeleteAsync($"{DashboardApp.Api}/current");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Method not allowed", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/track", """{"userId":"u1","organizationId":"o1","sessionId":"s1","moduleId":"m1","isActive":"yes"}""", "isActive", "isActive must be true or false.")]
    [InlineData("/track", """{"userId":"u1","responseTimeMs":"fast"}""", "responseTimeMs", "responseTimeMs must be a number.")]
    [InlineData("/track", """{"userId":12}""", "userId", "userId must be a string.")]
    [InlineData("/track/batch", """{"activities":[{"userId":"u1"},{"isError":1}]}""", "activities[1].isError", "activities[1].isError must be true or false.")]
    [InlineData("/track/batch", """{"activities":{"userId":"u1"}}""", "activities", "activities must be an array.")]
    public async Task Post_FieldOfTheWrongType_Answers400InTheApisWords(string path, string json, string field, string message)
    {
        var response = await _client.PostAsync(DashboardApp.Api + path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        var error = await AssertInvalidAsync(response, field);
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"userId\": ")]
    [InlineData("{\"userId\": \"u1\"} trailing")]
    public async Task Track_BodyNotAnObject_AnswersMalformedJsonWithoutTypeNames(string json)
    {
        var response = await _client.PostAsync($"{DashboardApp.Api}/track", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"success\":false", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dashboard.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean());
        return Assert.Single(body.GetProperty("errors").EnumerateArray(), error => error.GetProperty("field").GetString() == field);
    }
}
