using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Components.Account;

namespace Dashboard.Tests.Auth;

/// <summary>People managed through the API by an admin key: create with a role, reset a password, disable.</summary>
public sealed class UserApiTests : IAsyncLifetime
{
    private const string Users = $"{DashboardApp.Api}/users";

    private readonly DashboardApp _app = new();
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _admin = _app.CreateClient(TestApiKeys.Admin);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Create_Viewer_IsListedWithItsRoleAndCanSignIn()
    {
        var created = await _admin.PostAsJsonAsync(Users, new { user_name = "vera", password = "vera-long-password", role = "viewer" });
        var list = await _app.GetDataAsync(Users);
        using var browser = _app.CreateBrowserClient();
        var signIn = await SignInForm.SignInAsync(browser, "vera", "vera-long-password");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vera = Assert.Single(list.EnumerateArray(), user => user.GetProperty("user_name").GetString() == "vera");
        Assert.Equal("viewer", vera.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Create_ShortPasswordAndUnknownRole_Answers400NamingBoth()
    {
        var response = await _admin.PostAsJsonAsync(Users, new { user_name = "vera", password = "short", role = "owner" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = body.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("field").GetString()).ToList();
        Assert.Contains("role", fields);
        Assert.DoesNotContain((await _app.GetDataAsync(Users)).EnumerateArray(), user => user.GetProperty("user_name").GetString() == "vera");
    }

    [Fact]
    public async Task Create_ExistingUserName_Answers409()
    {
        var response = await _admin.PostAsJsonAsync(Users, new { user_name = TestApiKeys.AdminUser, password = "another-long-password", role = "viewer" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Put_NewPassword_MustBeChangedAtTheNextSignIn()
    {
        await _admin.PostAsJsonAsync(Users, new { user_name = "vera", password = "vera-long-password", role = "admin" });

        var reset = await _admin.PutAsJsonAsync($"{Users}/vera", new { password = "a-reset-long-password" });
        using var browser = _app.CreateBrowserClient();
        var signIn = await SignInForm.SignInAsync(browser, "vera", "a-reset-long-password");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.StartsWith("/account", signIn.Headers.Location?.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Person_CannotSignInAnyMore()
    {
        await _admin.PostAsJsonAsync(Users, new { user_name = "vera", password = "vera-long-password", role = "viewer" });

        var disabled = await _admin.DeleteAsync($"{Users}/vera");
        using var browser = _app.CreateBrowserClient();
        var signIn = await SignInForm.SignInAsync(browser, "vera", "vera-long-password");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains(Login.FailedMessage, await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
