using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Dashboard.Bench;

/// <summary>
/// A redis-cli MONITOR process; each line becomes the command's arguments, and whether a script ran it (Redis 7
/// shows the commands a script runs too, from "lua" instead of a client's address).
/// </summary>
internal sealed partial class RedisMonitor : IDisposable
{
    private readonly Process _process;
    private readonly Channel<(double At, bool FromScript, List<string> Arguments)> _lines =
        Channel.CreateUnbounded<(double At, bool FromScript, List<string> Arguments)>();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Quoted();

    /// <summary>The SHA-1 the app sends the snapshot script by (EVALSHA), from the store's own script.</summary>
    private static readonly string SnapshotSha = SnapshotScriptSha();

    private RedisMonitor(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } data)
            {
                // A line starts with the Unix time Redis ran the command: "1764692000.123456 [0 127.0.0.1:1234] ...".
                var at = double.TryParse(data.AsSpan(0, Math.Max(0, data.IndexOf(' ', StringComparison.Ordinal))), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
                _lines.Writer.TryWrite((at, data.Contains(" lua] ", StringComparison.Ordinal), [.. Quoted().Matches(data).Select(match => match.Groups[1].Value)]));
            }
        };
        _process.BeginOutputReadLine();
    }

    public static RedisMonitor Start(BenchSettings settings)
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", settings.RedisHost, "-p", settings.RedisPort.ToString(CultureInfo.InvariantCulture), "monitor" })
        {
            info.ArgumentList.Add(argument);
        }

        return new RedisMonitor(Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-cli monitor."));
    }

    /// <summary>The commands sent over <paramref name="pollsCounted"/> whole polls (a poll begins with the snapshot script on shard 0).</summary>
    public async Task<PollCount> CountPollsAsync(int pollsCounted)
    {
        // On a loaded machine this process reads MONITOR's output seconds late: the lines still queued in the pipe are
        // from before the count began, which its caller may have changed since (streams or pages opened).
        Drain();
        var since = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var shardZero = "{" + "cu:0}";
        var commands = new Dictionary<string, int>(StringComparer.Ordinal);
        var polls = -1;
        var sent = 0;
        var scripted = 0;
        var ownTimers = new Dictionary<string, int>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(pollsCounted * 3 + 30));
        while (polls < pollsCounted)
        {
            var (at, fromScript, arguments) = await NextAsync(timeout.Token);
            if (arguments.Count == 0 || at < since)
            {
                continue;
            }

            var name = arguments[0].ToUpperInvariant();
            // The poll's snapshot script on shard 0, by its SHA-1: the performance script a poll also runs there has as
            // many arguments, so counting calls by their shape counted about two polls per poll.
            if (!fromScript && name == "EVALSHA" && arguments[1] == SnapshotSha && arguments[3] == shardZero)
            {
                polls++;
            }

            if (polls >= 0 && polls < pollsCounted)
            {
                if (fromScript)
                {
                    scripted++;
                }
                else if (ClientTimer(name, arguments))
                {
                    var label = arguments.Count > 1 ? $"{name} {arguments[1]}" : name;
                    ownTimers[label] = ownTimers.GetValueOrDefault(label) + 1;
                }
                else
                {
                    sent++;
                    commands[name] = commands.GetValueOrDefault(name) + 1;
                }
            }
        }

        return new PollCount(pollsCounted, sent, scripted, commands, ownTimers);
    }

    /// <summary>
    /// What StackExchange.Redis sends on its own timers, whoever watches: the keep-alive PING of an idle connection and
    /// the periodic configuration check (INFO of sections the app never asks for, ROLE, CLIENT, CLUSTER, CONFIG, ECHO).
    /// The app's own INFO is the resource sample's, "memory" and "clients", once per poll.
    /// </summary>
    private static bool ClientTimer(string name, List<string> arguments) =>
        name is "PING" or "ECHO" or "ROLE" or "CLIENT" or "CLUSTER" or "CONFIG" or "SENTINEL"
        || (name == "INFO" && (arguments.Count == 1 || arguments[1].ToLowerInvariant() is not ("memory" or "clients")));

    public void Drain()
    {
        while (_lines.Reader.TryRead(out _))
        {
        }
    }

    public ValueTask<(double At, bool FromScript, List<string> Arguments)> NextAsync(CancellationToken cancellationToken) => _lines.Reader.ReadAsync(cancellationToken);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string SnapshotScriptSha()
    {
        var scripts = typeof(Dashboard.Core.Tracking.Redis.RedisLiveStore).Assembly.GetType("Dashboard.Core.Tracking.Redis.RedisScripts", throwOnError: true)!;
        var snapshot = scripts.GetField("Snapshot", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var hash = (byte[])snapshot.GetType().GetField("_hash", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(snapshot)!;
        return Convert.ToHexStringLower(hash);
    }
}
