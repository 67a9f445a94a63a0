using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

public sealed class LiveApiTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        var activities = new[]
        {
            new { userId = "u1", organizationId = "org-a", sessionId = "s1", moduleId = "accounting" },
            new { userId = "u1", organizationId = "org-a", sessionId = "s2", moduleId = "tax" },
            new { userId = "u2", organizationId = "org-a", sessionId = "s3", moduleId = "tax" },
            new { userId = "u3", organizationId = "org-b", sessionId = "s4", moduleId = "tax" },
        };
        (await _client.PostAsJsonAsync($"{DashboardApp.Api}/track/batch", new { activities })).EnsureSuccessStatusCode();
        await _app.PollAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_ReturnsCountsWithModulesAndTopOrganizations()
    {
        var metrics = await _app.GetDataAsync($"{DashboardApp.Api}/metrics?top=1");

        Assert.Equal(3, metrics.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(4, metrics.GetProperty("active_sessions").GetInt64());
        Assert.Equal(60, metrics.GetProperty("activity_window_seconds").GetInt32());
        Assert.Equal(
            [("tax", 3L), ("accounting", 1L)],
            metrics.GetProperty("modules").EnumerateArray().Select(m => (m.GetProperty("module_id").GetString(), m.GetProperty("concurrent_users").GetInt64())));
        var organization = Assert.Single(metrics.GetProperty("organizations").EnumerateArray());
        Assert.Equal("org-a", organization.GetProperty("organization_id").GetString());
        Assert.Equal(2, metrics.GetProperty("total_organizations").GetInt32());
        Assert.Equal(0, metrics.GetProperty("session_updates_dropped").GetInt64());
        Assert.Equal(0, metrics.GetProperty("activities_counted_as_other").GetInt64());
    }

    [Fact]
    public async Task Module_Known_ReturnsItsUsers()
    {
        var module = await _app.GetDataAsync($"{DashboardApp.Api}/module/tax");

        Assert.Equal("tax", module.GetProperty("module_id").GetString());
        Assert.Equal(3, module.GetProperty("concurrent_users").GetInt64());
    }

    [Fact]
    public async Task ModuleAndOrganization_Unknown_AreZeroNotErrors()
    {
        var module = await _app.GetDataAsync($"{DashboardApp.Api}/module/payroll");
        var organization = await _app.GetDataAsync($"{DashboardApp.Api}/organization/org-zzz");

        Assert.Equal(0, module.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(0, organization.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(0, organization.GetProperty("modules").GetArrayLength());
    }

    [Fact]
    public async Task Organization_SplitsItsUsersByModule()
    {
        var organization = await _app.GetDataAsync($"{DashboardApp.Api}/organization/org-a");

        Assert.Equal(2, organization.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(
            ["tax:2", "accounting:1"],
            organization.GetProperty("modules").EnumerateArray()
                .Select(m => $"{m.GetProperty("module_id").GetString()}:{m.GetProperty("concurrent_users").GetInt64()}"));
    }

    [Theory]
    [InlineData("/module/bad%20id")]
    [InlineData("/organization/bad%20id")]
    [InlineData("/metrics?top=0")]
    [InlineData("/sessions?limit=0")]
    [InlineData("/sessions?limit=501")]
    [InlineData("/sessions?offset=-1")]
    [InlineData("/sessions?module=a%20b")]
    [InlineData("/sessions?format=xml")]
    public async Task Get_BadInput_Answers400Envelope(string path)
    {
        var response = await _client.GetAsync(DashboardApp.Api + path);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Sessions_FilterAndPage_ReturnMatchingSessions()
    {
        var page = await _app.GetDataAsync($"{DashboardApp.Api}/sessions?module=tax&limit=2");
        var rest = await _app.GetDataAsync($"{DashboardApp.Api}/sessions?module=tax&limit=2&offset=2");
        var user = await _app.GetDataAsync($"{DashboardApp.Api}/sessions?user=u1&organization=org-a");

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("sessions").GetArrayLength());
        Assert.Equal(1, rest.GetProperty("sessions").GetArrayLength());
        Assert.Equal(["s1", "s2"], user.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("session_id").GetString()).Order());
    }

    [Fact]
    public async Task Sessions_Csv_DownloadsEveryMatchWithAHeader()
    {
        var response = await _client.GetAsync($"{DashboardApp.Api}/sessions?format=csv&organization=org-a");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("session_id,user_id,organization_id,module_id,user_agent,ip_address,started_at,last_activity_at", lines[0]);
        Assert.Equal(["s1", "s2", "s3"], lines.Skip(1).Select(line => line.Split(',')[0]).Order());
    }

    [Fact]
    public async Task Sessions_CsvWithALimit_DownloadsThatPage()
    {
        var response = await _client.GetAsync($"{DashboardApp.Api}/sessions?format=csv&organization=org-a&limit=2&offset=1");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains($"{DashboardApp.Api}/track", paths);
        Assert.Contains($"{DashboardApp.Api}/realtime", paths);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api-docs/index.html")).StatusCode);
    }

    [Theory]
    [InlineData("peak", new[] { "start", "end", "module", "organization" })]
    [InlineData("performance", new[] { "start", "end", "module" })]
    public async Task OpenApiDocument_ListsTheQueryEachHistoryEndpointTakes(string endpoint, string[] expected)
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty($"{DashboardApp.Api}/{endpoint}").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString());
        Assert.Equal(expected.Order(), parameters.Order());
    }
}
