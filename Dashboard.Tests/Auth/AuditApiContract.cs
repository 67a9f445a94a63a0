using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Data.Audit;
using Dashboard.Tests.Data;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Auth;

/// <summary>
/// The audit trail through the app on each database: sign-ins (right, wrong, locked out) and an admin's changes to
/// people are recorded as they happen; <c>GET audit</c> filters, pages and downloads them; the last admin stays.
/// </summary>
public abstract class AuditApiContract : IAsyncLifetime
{
    private const string Audit = $"{DashboardApp.Api}/audit";
    private const string Users = $"{DashboardApp.Api}/users";

    private TestDatabase _database = null!;
    private DashboardApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _app = new DashboardApp(_database.Settings);
        _admin = _app.CreateClient(TestApiKeys.Admin);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task SignIns_RightWrongAndLockedOut_AreRecorded()
    {
        await _admin.PostAsJsonAsync(Users, new { user_name = "vera", password = "vera-long-password", role = "viewer" });
        using var browser = _app.CreateBrowserClient();
        await SignInForm.SignInAsync(browser, "nobody", "whatever-password");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInForm.SignInAsync(browser, "vera", "not-veras-password");
        }

        await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        var failed = await EntriesAsync($"{Audit}?action={AuditActions.SignInFailed}");
        Assert.Equal(5, failed.Count);
        Assert.Equal(4, failed.Count(entry => entry.GetProperty("actor").GetString() == "vera"));
        Assert.Equal("unknown_user", Assert.Single(failed, entry => entry.GetProperty("actor").GetString() == "nobody")
            .GetProperty("details").GetProperty("reason").GetString());
        Assert.Equal("vera", Assert.Single(await EntriesAsync($"{Audit}?action={AuditActions.LockedOut}")).GetProperty("target").GetString());
        Assert.Equal(TestApiKeys.AdminUser, Assert.Single(await EntriesAsync($"{Audit}?action={AuditActions.SignIn}")).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task PeopleChanges_AreRecordedWithTheAdminAsActor()
    {
        await _admin.PostAsJsonAsync(Users, new { user_name = "vera", password = "vera-long-password", role = "viewer" });
        await _admin.PutAsJsonAsync($"{Users}/vera", new { role = "admin", password = "a-reset-long-password" });
        await _admin.DeleteAsync($"{Users}/vera");

        var entries = await EntriesAsync($"{Audit}?actor={TestApiKeys.AdminName}");

        Assert.Equal(
            [AuditActions.UserDisabled, AuditActions.RoleChanged, AuditActions.PasswordReset, AuditActions.UserCreated],
            entries.Select(entry => entry.GetProperty("action").GetString()));
        Assert.All(entries, entry => Assert.Equal("vera", entry.GetProperty("target").GetString()));
        var roleChange = entries[1].GetProperty("details");
        Assert.Equal(("viewer", "admin"), (roleChange.GetProperty("before").GetString(), roleChange.GetProperty("after").GetString()));
    }

    [Fact]
    public async Task Get_Csv_IsTheFilteredRowsWithFormulasNeutralized()
    {
        using var browser = _app.CreateBrowserClient();
        await SignInForm.SignInAsync(browser, "=HYPERLINK(\"x\")", "whatever-password");
        await SignInForm.SignInAsync(browser, TestApiKeys.AdminUser, TestApiKeys.AdminPassword);

        var response = await _admin.GetAsync($"{Audit}?action={AuditActions.SignInFailed}&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("at,actor,action,target,details,client_address", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",sign_in_failed", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PagedAndRanged_AnswersTheAskedPage()
    {
        for (var i = 0; i < 3; i++)
        {
            await _admin.PostAsJsonAsync(Users, new { user_name = $"person{i}", password = "a-long-enough-password", role = "viewer" });
        }

        var page = await _app.GetDataAsync($"{Audit}?action={AuditActions.UserCreated}&limit=2&offset=1&start=1h&end=now");
        var future = await _app.GetDataAsync($"{Audit}?start=2000-01-01T00:00:00Z&end=2000-01-02T00:00:00Z");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["person1", "person0"], page.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("target").GetString()));
        Assert.Equal(0, future.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("action=dropped_tables", "action")]
    [InlineData("limit=0", "limit")]
    [InlineData("start=yesterday-ish", "start")]
    [InlineData("format=xml", "format")]
    public async Task Get_BadQuery_Answers400NamingTheField(string query, string field)
    {
        var response = await _admin.GetAsync($"{Audit}?{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), error => error.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task LastAdmin_DisableOrDemote_Answers409AndChangesNothing()
    {
        var demote = await _admin.PutAsJsonAsync($"{Users}/{TestApiKeys.AdminUser}", new { role = "viewer" });
        var disable = await _admin.DeleteAsync($"{Users}/{TestApiKeys.AdminUser}");
        await _admin.PostAsJsonAsync(Users, new { user_name = "second", password = "second-long-password", role = "admin" });
        var disableWithAnother = await _admin.DeleteAsync($"{Users}/{TestApiKeys.AdminUser}");

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Contains("last enabled admin", (await disable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, disableWithAnother.StatusCode);
        Assert.Equal([AuditActions.UserDisabled, AuditActions.UserCreated], (await EntriesAsync(Audit)).Select(entry => entry.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task TwoAdmins_DemotingEachOtherAtOnce_LeaveOneAdmin()
    {
        await _admin.PostAsJsonAsync(Users, new { user_name = "second", password = "second-long-password", role = "admin" });
        using var other = _app.CreateClient(TestApiKeys.Admin);

        // Several rounds, since one round may not interleave the two checks; each round starts from two admins.
        for (var round = 0; round < 8; round++)
        {
            var answers = await Task.WhenAll(
                _admin.PutAsJsonAsync($"{Users}/{TestApiKeys.AdminUser}", new { role = "viewer" }),
                other.PutAsJsonAsync($"{Users}/second", new { role = "viewer" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(answer => answer.StatusCode).Order());
            var admins = (await _app.GetDataAsync(Users)).EnumerateArray()
                .Count(user => user.GetProperty("role").GetString() == "admin" && !user.GetProperty("disabled").GetBoolean());
            Assert.Equal(1, admins);
            await _admin.PutAsJsonAsync($"{Users}/{TestApiKeys.AdminUser}", new { role = "admin" });
            await _admin.PutAsJsonAsync($"{Users}/second", new { role = "admin" });
        }
    }

    private async Task<List<JsonElement>> EntriesAsync(string path) =>
        [.. (await _app.GetDataAsync(path)).GetProperty("entries").EnumerateArray()];
}
