using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Runs the commands the fixtures need, failing with the command's own output when it fails.</summary>
internal static class ChildProcess
{
    public static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(file, arguments))
            ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }

        return await output;
    }

    /// <summary>Starts a long-running server; its output is drained so it never blocks on a full pipe.</summary>
    public static Process StartServer(string file, params string[] arguments)
    {
        var process = Process.Start(StartInfo(file, arguments))
            ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo StartInfo(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
