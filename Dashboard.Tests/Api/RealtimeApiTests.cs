using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Net;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Api;

public sealed class RealtimeApiTests : IAsyncLifetime
{
    private readonly DashboardApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Realtime_SendsOneEventPerPoll_WithTheSnapshot()
    {
        using var client = _app.CreateClient();
        await _app.PollAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync($"{DashboardApp.Api}/realtime", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        var first = await NextDataEventAsync(events);
        (await client.PostAsJsonAsync($"{DashboardApp.Api}/track",
            new { userId = "u1", organizationId = "o1", sessionId = "s1", moduleId = "tax" }, timeout.Token)).EnsureSuccessStatusCode();
        await _app.PollAsync();
        var second = await NextDataEventAsync(events);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, first.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(1, second.GetProperty("concurrent_users").GetInt64());
        Assert.Equal(1, second.GetProperty("active_sessions").GetInt64());
        Assert.Equal("tax", Assert.Single(second.GetProperty("modules").EnumerateArray()).GetProperty("module_id").GetString());
    }

    [Fact]
    public async Task Realtime_PastTheStreamsAClientMayOpen_Answers503WithRetryAfter()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?>
        {
            ["Dashboard:Realtime:MaxConnectionsPerClient"] = "1",
            ["Dashboard:Realtime:RetryAfter"] = "00:00:07",
        });
        using var client = app.CreateClient();
        await app.PollAsync();
        using var open = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = await client.GetAsync($"{DashboardApp.Api}/realtime", HttpCompletionOption.ResponseHeadersRead, open.Token);

        using var refused = await client.GetAsync($"{DashboardApp.Api}/realtime", HttpCompletionOption.ResponseHeadersRead);
        // Checked before reading the body: a stream let through would never end.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        await open.CancelAsync();
        first.Dispose();
        var connections = app.Services.GetRequiredService<RealtimeConnections>();
        await Eventually.HoldsAsync(() => connections.Open == 0, "the first stream ends");
        using var again = await client.GetAsync($"{DashboardApp.Api}/realtime", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Too many realtime streams", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static async Task<JsonElement> NextDataEventAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current.EventType == SseParser.EventTypeDefault)
            {
                return JsonDocument.Parse(events.Current.Data).RootElement;
            }
        }

        throw new InvalidOperationException("The stream ended before a data event.");
    }
}
