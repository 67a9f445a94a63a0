using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>
/// <c>POST beacon?key=SITE_KEY</c>: a page's heartbeat counts like <c>/track</c>, but only with a site key in force,
/// only from the key's origins, and with the user id's signature when the key requires one; every refusal stores nothing.
/// </summary>
public sealed class BeaconApiTests : IAsyncLifetime
{
    private const string Heartbeat = """{"userId":"u-42","organizationId":"org-1","sessionId":"tab-1","moduleId":"tax"}""";

    private readonly DashboardApp _app = new();
    private HttpClient _page = null!;

    public Task InitializeAsync()
    {
        // A browser's page: no key of its own, only the site key in the query.
        _page = _app.CreateClient(apiKey: null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Beacon_PlainTextFromAnAllowedOrigin_IsCountedWithTheRequestsUserAgent()
    {
        var response = await SendAsync(TestApiKeys.Site, TestApiKeys.SiteOrigin, Heartbeat);
        await _app.PollAsync();
        var sessions = await _app.GetDataAsync($"{DashboardApp.Api}/sessions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestApiKeys.SiteOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        var session = Assert.Single(sessions.GetProperty("sessions").EnumerateArray());
        Assert.Equal("test-page/1.0", session.GetProperty("user_agent").GetString());
    }

    [Theory]
    [InlineData(TestApiKeys.Site, "https://evil.example.com")]
    [InlineData(TestApiKeys.Site, null)]
    [InlineData("not-a-key-0123456789abcdef", TestApiKeys.SiteOrigin)]
    [InlineData(TestApiKeys.Ingest, TestApiKeys.SiteOrigin)]
    [InlineData(TestApiKeys.Admin, TestApiKeys.SiteOrigin)]
    public async Task Beacon_OtherOriginOrNotASiteKey_Answers403AndStoresNothing(string key, string? origin)
    {
        var response = await SendAsync(key, origin, Heartbeat);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("success").GetBoolean());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Beacon_InvalidFields_Answers400LikeTrackAndStoresNothing()
    {
        var response = await SendAsync(TestApiKeys.Site, TestApiKeys.SiteOrigin, """{"userId":"","organizationId":"org 1","sessionId":"s","moduleId":"tax"}""");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["userId", "organizationId"], body.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("field").GetString()));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Beacon_SignedUsersKey_TakesTheRightSignatureAndRefusesAWrongOne()
    {
        var wrong = await SendAsync(TestApiKeys.SignedSite, TestApiKeys.SiteOrigin, WithSignature(Sign("u-43")));
        var missing = await SendAsync(TestApiKeys.SignedSite, TestApiKeys.SiteOrigin, Heartbeat);
        await AssertNothingStoredAsync();

        var right = await SendAsync(TestApiKeys.SignedSite, TestApiKeys.SiteOrigin, WithSignature(Sign("u-42")));

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Preflight_AllowedOrigin_IsAnsweredForThatOriginOnly()
    {
        var allowed = await PreflightAsync(TestApiKeys.SiteOrigin);
        var other = await PreflightAsync("https://evil.example.com");

        Assert.Equal(TestApiKeys.SiteOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task SiteKey_AsABearerKey_IsRefused()
    {
        using var client = _app.CreateClient(TestApiKeys.Site);

        var track = await client.PostAsJsonAsync($"{DashboardApp.Api}/track", JsonDocument.Parse(Heartbeat).RootElement);

        Assert.Equal(HttpStatusCode.Unauthorized, track.StatusCode);
        await AssertNothingStoredAsync();
    }

    private static string WithSignature(string signature) => Heartbeat.TrimEnd('}') + $",\"userSignature\":\"{signature}\"}}";

    // What docs/tracker.md tells the platform's server to compute.
    private static string Sign(string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestApiKeys.SigningSecret), Encoding.UTF8.GetBytes(userId)));

    private async Task<HttpResponseMessage> SendAsync(string key, string? origin, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DashboardApp.Api}/beacon?key={Uri.EscapeDataString(key)}")
        {
            Content = new StringContent(body, Encoding.UTF8, "text/plain"),
        };
        request.Headers.UserAgent.ParseAdd("test-page/1.0");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await _page.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"{DashboardApp.Api}/beacon?key={TestApiKeys.Site}");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await _page.SendAsync(request);
    }

    private async Task AssertNothingStoredAsync()
    {
        await _app.PollAsync();
        Assert.Equal(0, (await _app.GetDataAsync($"{DashboardApp.Api}/current")).GetProperty("active_sessions").GetInt64());
    }
}
