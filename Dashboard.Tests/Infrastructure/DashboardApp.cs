using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real web app in memory, with its whole pipeline, on the stores the settings name (in-process by default).
/// Polls are run by the test when it wants one, so nothing waits on the poll interval. Its clients send the test
/// admin key (every scope) unless a test asks for another caller with <see cref="CreateClient(string?)"/>.
/// </summary>
public sealed class DashboardApp(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("dashboard-app-").FullName;

    public const string Api = "/api/concurrent-users";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>A client that sends <paramref name="apiKey"/> (nothing when null) and does not follow redirects.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        TestApiKeys.Send(client, apiKey);
        return client;
    }

    /// <summary>
    /// A client as a browser is: no key, cookies kept, redirects not followed, over https (outside Development the
    /// sign-in cookie is Secure, and a cookie jar keeps a Secure cookie from plain http).
    /// </summary>
    public HttpClient CreateBrowserClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        TestApiKeys.Send(client, null);
        return client;
    }

    public Task PollAsync() => Services.GetRequiredService<MetricsPoller>().PollOnceAsync(default);

    /// <summary>Waits for the poll the app makes as it starts, so that it cannot land in the middle of a test's series.</summary>
    public async Task WaitForStartupPollAsync()
    {
        using var client = CreateClient();
        var hub = Services.GetRequiredService<MetricsHub>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (hub.Latest is null)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task<JsonElement> GetDataAsync(string path)
    {
        using var client = CreateClient();
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("data");
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        TestApiKeys.Send(client, TestApiKeys.Default);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Dashboard:Tracking:KeyPrefix", $"app-{Guid.NewGuid():N}");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_dataFolder, "dashboard.db")}");
        foreach (var (key, value) in TestApiKeys.Settings.Concat(TestAppSettings.Common))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(time));
        }
    }
}
