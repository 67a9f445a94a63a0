using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Stops the servers of a test run and deletes their folder once the test host has exited. It cannot be done by the
/// test host itself: <c>dotnet test</c> kills it about 100 ms after the last test, before PostgreSQL has stopped, and
/// every run left its servers' folder (~800 MB with PostgreSQL's databases) in the temp folder.
/// </summary>
internal static class ServerFolderReaper
{
    // $1: the test host's pid; $2: the folder. Each server leaves a pid file in the folder while it runs (PostgreSQL's
    // postmaster.pid, redis-server's --pidfile); SIGINT is a fast shutdown to both. A pid is signalled only while it
    // still names one of those programs, so a reused pid is never hit.
    private const string Script = """
        exec >/dev/null 2>&1
        while kill -0 "$1"; do sleep 1; done
        servers=""
        for file in $(find "$2" -name '*.pid'); do
          pid=$(head -n 1 "$file")
          case "$(cat "/proc/$pid/comm")" in
            redis-server|postgres) kill -INT "$pid" && servers="$servers $pid" ;;
          esac
        done
        for _ in $(seq 100); do
          alive=""
          for pid in $servers; do if kill -0 "$pid"; then alive=1; fi; done
          [ -z "$alive" ] && break
          sleep 0.2
        done
        rm -rf "$2"
        """;

    /// <summary>Starts the reaper of <paramref name="folder"/>, in a session of its own so it outlives the test host.</summary>
    public static void Watch(string folder)
    {
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "--fork", "sh", "-c", Script, "reaper", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), folder })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the servers' reaper.");
        process.WaitForExit();
    }
}
