using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// HAProxy from Debian's package, run in the foreground on the repository's <c>deploy/haproxy.cfg</c> (the file
/// docs/deploy.md shows), with only the addresses given through the environment.
/// </summary>
internal sealed class Haproxy : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private Haproxy(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What HAProxy has written so far (its request log and its warnings), for failure messages.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static string ConfigPath => Path.Combine(RepositoryRoot(), "deploy", "haproxy.cfg");

    /// <summary>Starts HAProxy and returns once it accepts connections on its port (or throws with what it said).</summary>
    public static async Task<Haproxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo(RequiredBinary.Find("haproxy", "haproxy", "/usr/sbin"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-db");
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(ConfigPath);
        info.Environment["DASHBOARD_LB_BIND"] = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        for (var index = 0; index < instances.Count; index++)
        {
            info.Environment[$"DASHBOARD_APP{index + 1}"] = instances[index].Authority;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start haproxy.");
        var output = new StringBuilder();
        // Its log goes to stdout and its warnings to stderr; read both so that a full pipe never stalls it.
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var haproxy = new Haproxy(process, output, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        await haproxy.WaitUntilListeningAsync(port);
        return haproxy;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"haproxy did not listen on {port} within 30 s:\n{Output}");
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
