using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>The app pointed at a Redis that is not there: every answer is a clear 503, nothing crashes.</summary>
public sealed class StoreDownApiTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(new Dictionary<string, string?>
    {
        ["Dashboard:LiveStore"] = "Redis",
        ["ConnectionStrings:Redis"] = $"127.0.0.1:{FreePort.Next()},connectTimeout=300,syncTimeout=500,asyncTimeout=500",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("GET", "/current")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/organization/org-1")]
    [InlineData("GET", "/sessions")]
    [InlineData("POST", "/track")]
    public async Task Endpoint_RedisDown_Answers503Envelope(string method, string path)
    {
        using var client = _app.CreateClient();
        await _app.PollAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), DashboardApp.Api + path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "m1" });
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Contains("unavailable", body.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_RedisDown_Answers503WithTheFailingCheck()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync($"{DashboardApp.Api}/health");
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", data.GetProperty("status").GetString());
        var redis = data.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "redis");
        Assert.Equal("unhealthy", redis.GetProperty("status").GetString());
    }
}
