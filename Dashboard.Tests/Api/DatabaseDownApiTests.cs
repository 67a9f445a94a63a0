using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Api;

/// <summary>The app pointed at a PostgreSQL that is not there: history answers a clear 503, nothing crashes.</summary>
public sealed class DatabaseDownApiTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new(new Dictionary<string, string?>
    {
        ["Dashboard:HistoryStore"] = "Postgres",
        ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port={FreePort.Next()};Database=dashboard;Username=dashboard;Timeout=2",
        ["Dashboard:Database:MigrateOnStart"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/performance?start=24h")]
    [InlineData("/performance?start=7d&module=tax")]
    public async Task History_DatabaseDown_Answers503Envelope(string path)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(DashboardApp.Api + path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("History database is unavailable", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Outage_ManyPollsProbesAndQueries_LogsOneError()
    {
        var logs = new RecordingLoggerProvider();
        using var app = _app.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var client = app.CreateClient();
        var poller = app.Services.GetRequiredService<MetricsPoller>();

        for (var i = 0; i < 10; i++)
        {
            await poller.PollOnceAsync(default);
            await client.GetAsync($"{DashboardApp.Api}/health");
            await client.GetAsync($"{DashboardApp.Api}/peak?start=24h");
            await client.GetAsync($"{DashboardApp.Api}/alerts");
        }

        // Data protection reports once that it could not read its key ring from the database: its own log, not ours.
        var loud = logs.Entries.Where(entry => entry.Level >= LogLevel.Warning
            && !entry.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(loud);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("History database is unavailable", error.Message, StringComparison.Ordinal);
    }
}
