using System.Diagnostics;

namespace Dashboard.Tests.Cli;

/// <summary>
/// The built tool (Dashboard.Cli.dll) as its own process, as a user or a script runs it, with a clean environment:
/// only the variables a test gives reach it.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ToolPath());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DASHBOARD_URL");
        info.Environment.Remove("DEBUG");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start Dashboard.Cli.");
    }

    // The tool is built next to this test assembly's configuration (Debug or Release).
    private static string ToolPath()
    {
        var testFolder = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testFolder).Parent!.Name;
        var repository = Path.GetFullPath(Path.Combine(testFolder, "..", "..", "..", ".."));
        var path = Path.Combine(repository, "Dashboard.Cli", "bin", configuration, "net10.0", "Dashboard.Cli.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"Build Dashboard.Cli first: {path} is missing.");
    }
}
