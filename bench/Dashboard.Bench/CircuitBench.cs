using System.Diagnostics;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// Figure 10: the app's memory per open dashboard (one Blazor circuit each) with many pages open in headless
/// Chromium, at steady state three polls after the last page showed its live counter.
/// </summary>
internal sealed class CircuitBench(BenchSettings settings)
{
    // Microsoft's figure for a minimal circuit.
    private const double TargetKilobytes = 250;

    // Pages opened at once: Chromium and the app share the 2 cores; more at once only queues.
    private const int OpenAtOnce = 5;

    public async Task RunAsync(Report report)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AppProbe.LaunchChromiumAsync(playwright);

        // Warm: the first page loads the app's components, JIT and caches once; its circuit then ends.
        var first = await AppProbe.OpenDashboardAsync(browser, settings.AppAddress);
        await first.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await Task.Delay(3 * settings.PollInterval);
        var before = await ProcessMemory.SteadyResidentBytesAsync(settings.AppPid, TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var pages = new List<IPage> { await AppProbe.OpenDashboardAsync(browser, settings.AppAddress) };
        clock.Stop();
        // What one circuit holds, against what many hold (BENCH_GCDUMP names the dotnet-gcdump tool): not timed.
        await HeapSnapshotAsync("1");
        clock.Start();
        foreach (var wave in Enumerable.Range(1, settings.Circuits - 1).Chunk(OpenAtOnce))
        {
            pages.AddRange(await Task.WhenAll(wave.Select(_ => AppProbe.OpenDashboardAsync(browser, settings.AppAddress))));
        }

        var opened = clock.Elapsed;
        await Task.Delay(3 * settings.PollInterval);
        var after = await ProcessMemory.SteadyResidentBytesAsync(settings.AppPid, TimeSpan.FromSeconds(1));
        await HeapSnapshotAsync(pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var live = 0;
        foreach (var page in pages)
        {
            live += await page.IsVisibleAsync("[data-testid=current-users]") ? 1 : 0;
        }

        var kilobytes = (after - before) / 1024.0 / pages.Count;
        report.Figure(10, $"App memory per open dashboard (Blazor circuit), {pages.Count} pages in headless Chromium, KB",
            $"({after / 1048576.0:N1} − {before / 1048576.0:N1} MB) ÷ {pages.Count}", kilobytes, TargetKilobytes, higherIsBetter: false,
            $"Opening {pages.Count} pages took {opened.TotalSeconds:N0} s ({OpenAtOnce} at a time).");
        report.Detail(10, $"App resident memory (VmRSS, median of 5 readings 1 s apart) after one page was opened and closed (warm), then with {pages.Count} pages open, " +
            $"three polls (poll interval {settings.PollInterval.TotalSeconds:N0} s) after the last one showed its counter; {live} of them still showed it.");
    }

    private async Task HeapSnapshotAsync(string circuits)
    {
        if (Environment.GetEnvironmentVariable("BENCH_GCDUMP") is not { Length: > 0 } tool)
        {
            return;
        }

        // Outside the work folder, which run.sh removes at exit.
        var output = Path.Combine(Path.GetTempPath(), $"dashboard-bench-circuits-{circuits}.gcdump");
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "collect", "-p", settings.AppPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.WriteLine($"    heap snapshot with {circuits} circuit(s): {output}");
    }
}
