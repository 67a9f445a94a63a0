using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// Figure 7: every command the app sends Redis (seen through MONITOR) over a whole number of polls, with nobody
/// watching, then with SSE clients and Blazor dashboards (headless Chromium) open. The app polls every second here.
/// </summary>
internal sealed class PollBench(BenchSettings settings)
{
    public async Task RunAsync(Report report)
    {
        // Steady state: the first polls after the app starts (run.sh starts it just before) read everything again.
        await Task.Delay(5 * settings.PollInterval);
        using var monitor = RedisMonitor.Start(settings);
        using var probe = new HttpClient { BaseAddress = settings.AppAddress, DefaultRequestHeaders = { { "X-Api-Key", settings.ApiKey } } };
        var idleUsers = await AppProbe.CurrentUsersAsync(probe);
        var idle = await monitor.CountPollsAsync(settings.PollsCounted);
        var idleUsersAfter = await AppProbe.CurrentUsersAsync(probe);

        using var http = new HttpClient
        {
            BaseAddress = settings.AppAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "X-Api-Key", settings.ApiKey } },
        };
        using var stop = new CancellationTokenSource();
        var events = new long[settings.SseClients];
        var streams = Enumerable.Range(0, settings.SseClients).Select(i => ReadEventsAsync(http, i, events, stop.Token)).ToList();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AppProbe.LaunchChromiumAsync(playwright);
        var pages = new List<IPage>();
        for (var i = 0; i < settings.Dashboards; i++)
        {
            pages.Add(await AppProbe.OpenDashboardAsync(browser, settings.AppAddress));
        }

        var circuitsBefore = await CountersAsync(pages);
        var watchedUsers = await AppProbe.CurrentUsersAsync(probe);
        var watched = await monitor.CountPollsAsync(settings.PollsCounted);
        var watchedUsersAfter = await AppProbe.CurrentUsersAsync(probe);
        var circuitsAfter = await CountersAsync(pages);
        var delivered = Interlocked.Read(ref events[0]);
        await stop.CancelAsync();
        await Task.WhenAll(streams.Select(stream => stream.ContinueWith(_ => { }, TaskScheduler.Default)));

        var open = $"{settings.SseClients} SSE clients + {settings.Dashboards} dashboards";
        report.Figure(7, $"Redis commands per poll: 0 clients vs {open}",
            $"{idle.PerPoll:N1} vs {watched.PerPoll:N1}", watched.PerPoll / idle.PerPoll, 1, higherIsBetter: false,
            watched.PerPoll == idle.PerPoll ? "" : "Target is equal.");
        report.Detail(7, $"Counted with MONITOR over {settings.PollsCounted} polls each (a poll begins with the snapshot script on shard 0; poll interval 1 s). " +
            "Commands are those the app sends; the commands its scripts run inside Redis are counted apart.");
        report.Detail(7, $"0 clients: {idle.Commands} commands sent ({idle.Describe()}), {idle.Scripted} run by the scripts ({idle.Scripted / (double)idle.Polls:N0} per poll).");
        report.Detail(7, $"{open}: {watched.Commands} commands sent ({watched.Describe()}), {watched.Scripted} run by the scripts ({watched.Scripted / (double)watched.Polls:N0} per poll).");
        report.Detail(7, $"Users counted by the app's polls (GET /current) before and after each count, the population both counts must share: " +
            $"0 clients {idleUsers:N0} then {idleUsersAfter:N0}; {open} {watchedUsers:N0} then {watchedUsersAfter:N0}.");
        report.Detail(7, $"While counting, SSE client 0 had received {delivered} events and the dashboards showed {circuitsBefore} then {circuitsAfter} (live counters, so the circuits were connected).");
    }

    private static async Task<string> CountersAsync(List<IPage> pages)
    {
        var values = new List<string>();
        foreach (var page in pages)
        {
            values.Add(await page.InnerTextAsync("[data-testid=current-users]"));
        }

        return string.Join("/", values);
    }

    private static async Task ReadEventsAsync(HttpClient http, int client, long[] events, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/concurrent-users/realtime", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && !line.Contains("null", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref events[client]);
            }
        }
    }
}
