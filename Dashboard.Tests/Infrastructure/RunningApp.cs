using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real dashboard as its own process (the built Dashboard.Web.dll) on a free loopback port, for browser tests:
/// Kestrel, static assets and Blazor circuits exactly as a user gets them, provisioned with <see cref="TestApiKeys"/>.
/// </summary>
internal sealed class RunningApp : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _dataFolder;
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    private RunningApp(IReadOnlyDictionary<string, string> settings, string dataFolder, Uri address)
    {
        _settings = settings;
        _dataFolder = dataFolder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The folder the app runs in, which holds its SQLite database (dashboard.db) on the embedded default.</summary>
    public string DataFolder => _dataFolder;

    public bool HasExited => _process!.HasExited;

    /// <summary>What the process has written to stdout and stderr since it was first started, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>A client of the app that sends <paramref name="key"/> (the test admin key unless told; none when null).</summary>
    public HttpClient CreateClient(string? key = TestApiKeys.Default) => TestApiKeys.Client(Address, key);

    public static async Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = new RunningApp(settings, Directory.CreateTempSubdirectory("dashboard-app-").FullName, address);
        await app.LaunchAsync();
        return app;
    }

    /// <summary>Kills the process outright (SIGKILL): no shutdown, no last flush, as a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the app again on the same port and data folder, after <see cref="KillAsync"/>.</summary>
    public Task StartAgainAsync() => LaunchAsync();

    private async Task LaunchAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WebAssemblyPath());
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(Address.ToString());
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Dashboard__Demo__Enabled"] = "false";
        info.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(_dataFolder, "dashboard.db")}";
        foreach (var (key, value) in TestApiKeys.Settings.Concat(TestAppSettings.Common).Concat(_settings))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process?.Dispose();
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Dashboard.Web.");
        var output = _output;
        _process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        _process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync(() => Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process!.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
            if (_process!.HasExited)
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
