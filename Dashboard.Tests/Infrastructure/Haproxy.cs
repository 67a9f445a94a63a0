using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// HAProxy from Debian's package, run in the foreground on the repository's <c>deploy/haproxy.cfg</c> (the file
/// docs/deploy.md shows), with only the addresses given through the environment.
/// </summary>
internal sealed class Haproxy : IDisposable
{
    private readonly Process _process;

    private Haproxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string ConfigPath => Path.Combine(RepositoryRoot(), "deploy", "haproxy.cfg");

    public static Haproxy Start(IReadOnlyList<Uri> instances)
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo(RequiredBinary.Find("haproxy", "haproxy", "/usr/sbin"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-db");
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(ConfigPath);
        info.Environment["DASHBOARD_LB_BIND"] = $"127.0.0.1:{port}";
        for (var index = 0; index < instances.Count; index++)
        {
            info.Environment[$"DASHBOARD_APP{index + 1}"] = instances[index].Authority;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start haproxy.");
        // Its log goes to stdout; read it so that a full pipe never stalls it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Haproxy(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    public static string RepositoryRoot() =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
}
