using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Auth;

/// <summary>How the API answers each kind of caller: a key in either header, no key, a wrong key, a key without the scope.</summary>
public sealed class ApiKeyAuthenticationTests : IAsyncLifetime
{
    private const string Current = $"{DashboardApp.Api}/current";

    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_BearerKey_IsAnswered()
    {
        using var client = _app.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApiKeys.Viewer);

        var response = await client.GetAsync(Current);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_XApiKeyHeader_IsAnswered()
    {
        using var client = _app.CreateClient(TestApiKeys.Viewer);

        var response = await client.GetAsync(Current);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_NoCredentials_Answers401EnvelopeNotARedirect()
    {
        using var client = _app.CreateClient(apiKey: null);

        var response = await client.GetAsync(Current);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertEnvelopeAsync(response, "Unauthorized");
    }

    [Fact]
    public async Task Get_WrongKeyWhereAnonymousMayRead_Answers401Envelope()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:Auth:AnonymousAccess"] = "Viewer" });
        using var client = app.CreateClient("not-a-key-of-this-dashboard");

        var response = await client.GetAsync(Current);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertEnvelopeAsync(response, "Unauthorized");
    }

    [Fact]
    public async Task Track_ReadKey_Answers403Envelope()
    {
        using var client = _app.CreateClient(TestApiKeys.Viewer);

        var response = await client.PostAsJsonAsync($"{DashboardApp.Api}/track",
            new { userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "tax" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertEnvelopeAsync(response, "Forbidden");
    }

    [Fact]
    public async Task Get_AnonymousWhereAnonymousMayRead_IsAnswered()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:Auth:AnonymousAccess"] = "Viewer" });
        using var client = app.CreateClient(apiKey: null);

        var response = await client.GetAsync(Current);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Sessions_AnonymousWhereAnonymousMayRead_Answers401()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:Auth:AnonymousAccess"] = "Viewer" });
        using var client = app.CreateClient(apiKey: null);

        var response = await client.GetAsync($"{DashboardApp.Api}/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToLoginWithReturnUrl()
    {
        using var client = _app.CreateClient(apiKey: null);

        var response = await client.GetAsync("/alerts?status=active");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Falerts%3Fstatus%3Dactive", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task SwaggerUi_Anonymous_IsSentToLogin()
    {
        using var client = _app.CreateClient(apiKey: null);

        var response = await client.GetAsync("/api-docs/index.html");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SwaggerUi_ReadKey_IsServed()
    {
        using var client = _app.CreateClient(TestApiKeys.Viewer);

        var response = await client.GetAsync("/api-docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertEnvelopeAsync(HttpResponseMessage response, string error)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("details").GetString()));
    }
}
