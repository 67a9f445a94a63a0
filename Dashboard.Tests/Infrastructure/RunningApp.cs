using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real dashboard as its own process (the built Dashboard.Web.dll) on a free loopback port, for browser tests:
/// Kestrel, static assets and Blazor circuits exactly as a user gets them, provisioned with <see cref="TestApiKeys"/>.
/// </summary>
internal sealed class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;

    private RunningApp(Process process, string dataFolder, Uri address)
    {
        _process = process;
        _dataFolder = dataFolder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>A client of the app that sends <paramref name="key"/> (the test admin key unless told; none when null).</summary>
    public HttpClient CreateClient(string? key = TestApiKeys.Default) => TestApiKeys.Client(Address, key);

    public static async Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var dataFolder = Directory.CreateTempSubdirectory("dashboard-app-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WebAssemblyPath());
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString());
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Dashboard__Demo__Enabled"] = "false";
        info.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(dataFolder, "dashboard.db")}";
        foreach (var (key, value) in TestApiKeys.Settings.Concat(settings))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Dashboard.Web.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new RunningApp(process, dataFolder, address);
        await app.WaitUntilServingAsync(() => { lock (output) { return output.ToString(); } });
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    // The web app is built next to this test assembly's configuration (Debug or Release).
    private static string WebAssemblyPath()
    {
        var testFolder = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testFolder).Parent!.Name;
        var repository = Path.GetFullPath(Path.Combine(testFolder, "..", "..", "..", ".."));
        var path = Path.Combine(repository, "Dashboard.Web", "bin", configuration, "net10.0", "Dashboard.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Build Dashboard.Web first: {path} is missing.");
    }

    private async Task WaitUntilServingAsync(Func<string> output)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Dashboard.Web exited with {_process.ExitCode}:\n{output()}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(Address, "/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Dashboard.Web did not serve within 60 s:\n{output()}");
    }
}
