using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Auth;

/// <summary>Keys admins make through the API: the secret once, a hash and a prefix stored, revocation on every instance.</summary>
public sealed class ApiKeyIssueTests : IAsyncLifetime
{
    private const string Keys = $"{DashboardApp.Api}/api-keys";

    private readonly string _database = Path.Combine(Directory.CreateTempSubdirectory("dashboard-keys-").FullName, "shared.db");
    private DashboardApp _app = null!;
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _app = new DashboardApp(Shared());
        _admin = _app.CreateClient(TestApiKeys.Admin);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_database)!, recursive: true);
    }

    [Fact]
    public async Task Create_ReadKey_AnswersTheSecretOnceAndItReads()
    {
        var key = await CreateAsync("wall-screen", "read");
        using var client = _app.CreateClient(key.GetProperty("key").GetString());

        var current = await client.GetAsync($"{DashboardApp.Api}/current");
        var list = await _app.GetDataAsync(Keys);

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.Equal(key.GetProperty("prefix").GetString(), listed.GetProperty("prefix").GetString());
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, key.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestApiKeys.AdminName, listed.GetProperty("created_by").GetString());
    }

    [Fact]
    public async Task Create_NoScope_Answers400()
    {
        var response = await _admin.PostAsJsonAsync(Keys, new { name = "ci", scopes = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Revoke_OnOneInstance_RefusesTheKeyOnAnotherAfterItsNextReload()
    {
        await using var other = new DashboardApp(Shared());
        var key = await CreateAsync("ci", "ingest,read");
        await other.Services.GetRequiredService<ApiKeyRefresher>().RefreshAsync(default);
        using var onOther = other.CreateClient(key.GetProperty("key").GetString());
        var before = await onOther.GetAsync($"{DashboardApp.Api}/current");

        var revoke = await _admin.DeleteAsync($"{Keys}/{key.GetProperty("id").GetInt64()}");
        await other.Services.GetRequiredService<ApiKeyRefresher>().RefreshAsync(default);
        var after = await onOther.GetAsync($"{DashboardApp.Api}/current");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Use_StoredKey_IsRecordedAsLastUsedAtTheNextReload()
    {
        var key = await CreateAsync("ci", "read");
        using var client = _app.CreateClient(key.GetProperty("key").GetString());
        await client.GetAsync($"{DashboardApp.Api}/current");

        await _app.Services.GetRequiredService<ApiKeyRefresher>().RefreshAsync(default);

        var listed = Assert.Single((await _app.GetDataAsync(Keys)).EnumerateArray());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("last_used_at").ValueKind);
    }

    [Fact]
    public async Task CreateSite_SignedUsers_AnswersKeyAndSigningSecretOnceAndItsBeaconsCountUntilRevoked()
    {
        var response = await _admin.PostAsJsonAsync(Keys, new
        {
            name = "shop", type = "site", allowed_origins = (string[])["https://Shop.example.com:443"], require_signed_users = true,
        });
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        var (secret, signing) = (key.GetProperty("key").GetString()!, key.GetProperty("signing_secret").GetString()!);
        var signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(signing), System.Text.Encoding.UTF8.GetBytes("u-1")));

        var before = await BeaconAsync(secret, signature);
        await _admin.DeleteAsync($"{Keys}/{key.GetProperty("id").GetInt64()}");
        var after = await BeaconAsync(secret, signature);
        var listed = Assert.Single((await _app.GetDataAsync(Keys)).EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("site", key.GetProperty("type").GetString());
        Assert.Equal(["https://shop.example.com"], key.GetProperty("allowed_origins").EnumerateArray().Select(origin => origin.GetString()));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.False(listed.TryGetProperty("signing_secret", out _));
        Assert.True(listed.GetProperty("require_signed_users").GetBoolean());
    }

    [Fact]
    public async Task CreateSite_OriginWithAPath_Answers400()
    {
        var response = await _admin.PostAsJsonAsync(Keys, new { name = "shop", type = "site", allowed_origins = (string[])["https://shop.example.com/app"] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await _app.GetDataAsync(Keys)).EnumerateArray());
    }

    private async Task<HttpResponseMessage> BeaconAsync(string key, string signature)
    {
        using var page = _app.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DashboardApp.Api}/beacon?key={key}")
        {
            Content = new StringContent(
                $$"""{"userId":"u-1","organizationId":"o-1","sessionId":"tab-1","moduleId":"tax","userSignature":"{{signature}}"}""",
                System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://shop.example.com");
        return await page.SendAsync(request);
    }

    private Dictionary<string, string?> Shared() => new() { ["ConnectionStrings:Sqlite"] = $"Data Source={_database}" };

    private async Task<JsonElement> CreateAsync(string name, string scopes)
    {
        var response = await _admin.PostAsJsonAsync(Keys, new { name, scopes = scopes.Split(',') });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("data");
    }
}
