using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// Figure 7: every command the app sends Redis (seen through MONITOR) over a whole number of polls, with nobody
/// watching, then with SSE clients and Blazor dashboards (headless Chromium) open. The app polls every second here.
/// </summary>
internal sealed partial class PollBench(BenchSettings settings)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public async Task RunAsync(Report report)
    {
        using var monitor = Monitor.Start(settings);
        var idle = await CountAsync(monitor);

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
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var pages = new List<IPage>();
        for (var i = 0; i < settings.Dashboards; i++)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(settings.AppAddress.ToString());
            // The counter is rendered by the interactive circuit once it is connected.
            await page.WaitForSelectorAsync("[data-testid=current-users]");
            pages.Add(page);
        }

        var circuitsBefore = await CountersAsync(pages);
        var watched = await CountAsync(monitor);
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
        report.Detail(7, $"While counting, SSE client 0 had received {delivered} events and the dashboards showed {circuitsBefore} then {circuitsAfter} (live counters, so the circuits were connected).");
    }

    private async Task<PollCount> CountAsync(Monitor monitor)
    {
        monitor.Drain();
        var shardZero = "{" + "cu:0}";
        var commands = new Dictionary<string, int>(StringComparer.Ordinal);
        var polls = -1;
        var sent = 0;
        var scripted = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.PollsCounted * 3 + 30));
        while (polls < settings.PollsCounted)
        {
            var (fromScript, arguments) = await monitor.NextAsync(timeout.Token);
            if (arguments.Count == 0)
            {
                continue;
            }

            var name = arguments[0].ToUpperInvariant();
            // The poll's snapshot script: EVAL(SHA) script 1 {cu:0} since applied-version. (The organizations' script
            // on the same shard has 1 + 4 per report arguments after the key, never 2.)
            if (!fromScript && name is "EVALSHA" or "EVAL" && arguments.Count == 6 && arguments[3] == shardZero)
            {
                polls++;
            }

            if (polls >= 0 && polls < settings.PollsCounted)
            {
                if (fromScript)
                {
                    scripted++;
                }
                else
                {
                    sent++;
                    commands[name] = commands.GetValueOrDefault(name) + 1;
                }
            }
        }

        return new PollCount(settings.PollsCounted, sent, scripted, commands);
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

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Quoted();

    /// <summary>
    /// A redis-cli MONITOR process; each line becomes the command's arguments, and whether a script ran it (Redis 7
    /// shows the commands a script runs too, from "lua" instead of a client's address).
    /// </summary>
    private sealed class Monitor : IDisposable
    {
        private readonly Process _process;
        private readonly Channel<(bool FromScript, List<string> Arguments)> _lines =
            Channel.CreateUnbounded<(bool FromScript, List<string> Arguments)>();

        private Monitor(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is { } data)
                {
                    _lines.Writer.TryWrite((data.Contains(" lua] ", StringComparison.Ordinal), [.. Quoted().Matches(data).Select(match => match.Groups[1].Value)]));
                }
            };
            _process.BeginOutputReadLine();
        }

        public static Monitor Start(BenchSettings settings)
        {
            var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-h", settings.RedisHost, "-p", settings.RedisPort.ToString(CultureInfo.InvariantCulture), "monitor" })
            {
                info.ArgumentList.Add(argument);
            }

            return new Monitor(Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-cli monitor."));
        }

        public void Drain()
        {
            while (_lines.Reader.TryRead(out _))
            {
            }
        }

        public ValueTask<(bool FromScript, List<string> Arguments)> NextAsync(CancellationToken cancellationToken) => _lines.Reader.ReadAsync(cancellationToken);

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
