using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A real redis-server on a free loopback port, its files in a temp folder; nothing is saved to disk.</summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private readonly string _folder;

    private RedisServer(Process process, int port, string folder)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts a server; on <paramref name="port"/> when given (a restart), else on a free one.</summary>
    public static async Task<RedisServer> StartAsync(string folder, bool clusterNode = false, int? port = null, string nodeTimeout = "5000")
    {
        var server = RequiredBinary.Find("redis-server", "redis-server");
        // A cluster node also listens on port + 10000 for its bus.
        port ??= FreePort.Next(candidate => !clusterNode || FreePort.IsFree(candidate + 10000));
        Directory.CreateDirectory(folder);
        List<string> arguments =
        [
            "--port", port.Value.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder,
            "--pidfile", Path.Combine(folder, "redis.pid"),
            "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no",
        ];
        if (clusterNode)
        {
            // A validity factor of 0: a replica takes over however long its link was down (with a 1 s node timeout, the
            // default 10 would bar a replica that was slow to finish its first sync on a loaded machine).
            arguments.AddRange(["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", nodeTimeout,
                "--cluster-replica-validity-factor", "0"]);
        }

        var redis = new RedisServer(ChildProcess.StartServer(server, [.. arguments]), port.Value, folder);
        await redis.WaitUntilReadyAsync();
        return redis;
    }

    public Task<string> CliAsync(params string[] arguments) =>
        ChildProcess.RunAsync(RequiredBinary.Find("redis-cli", "redis-tools"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), .. arguments]);

    /// <summary>An empty server again on this one's port and folder, after <see cref="Dispose"/> killed it.</summary>
    public Task<RedisServer> StartAgainAsync() => StartAsync(_folder, port: Port);

    /// <summary>Stalls the server (SIGSTOP): connections stay open and nothing is answered until <see cref="ResumeAsync"/>.</summary>
    public Task StallAsync() => ChildProcess.RunAsync("kill", "-STOP", _process.Id.ToString(CultureInfo.InvariantCulture));

    public Task ResumeAsync() => ChildProcess.RunAsync("kill", "-CONT", _process.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Kills the server (SIGKILL); a test that kills it early may call this twice.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server on port {Port} exited at start with code {_process.ExitCode}.");
            }

            try
            {
                if ((await CliAsync("ping")).Trim() == "PONG")
                {
                    return;
                }
            }
            catch (InvalidOperationException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
            }

            await Task.Delay(50);
        }
    }
}
