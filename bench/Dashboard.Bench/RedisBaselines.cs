using System.Diagnostics;
using ActivityEvent = Dashboard.Core.Tracking.ActivityEvent;
using System.Globalization;
using System.Text;
using ShardHash = Dashboard.Core.Tracking.ShardHash;
using StackExchange.Redis;

namespace Dashboard.Bench;

/// <summary>
/// What the same Redis does without us: the equivalent heartbeat (3 ZADD + HSET) run by redis-benchmark as a
/// Lua script, and the same commands sent plain and pipelined by <c>redis-cli --pipe</c>.
/// </summary>
internal sealed class RedisBaselines(BenchSettings settings, Heartbeats heartbeats, IConnectionMultiplexer redis)
{
    // KEYS[1] a hash tag; ARGV: now, user, session, module, organization, session record.
    public const string HeartbeatScript = """
        redis.call('ZADD', KEYS[1] .. ':u', ARGV[1], ARGV[2])
        redis.call('ZADD', KEYS[1] .. ':m:' .. ARGV[4], ARGV[1], ARGV[2])
        redis.call('ZADD', KEYS[1] .. ':o:' .. ARGV[5], ARGV[1], ARGV[2])
        redis.call('HSET', KEYS[1] .. ':si', ARGV[3], ARGV[6])
        return 0
        """;

    private string? _pipeFile;

    /// <summary>redis-benchmark, EVALSHA of <see cref="HeartbeatScript"/>, one heartbeat per round trip; heartbeats/s.</summary>
    public async Task<double> LuaHeartbeatsPerSecondAsync(int users)
    {
        var server = redis.GetServer(settings.RedisHost, settings.RedisPort);
        var sha = Convert.ToHexStringLower(await server.ScriptLoadAsync(HeartbeatScript));
        var sample = heartbeats.Activity(0, users);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "-h", settings.RedisHost, "-p", Port, "-c", settings.Concurrency.ToString(CultureInfo.InvariantCulture),
            "-n", settings.LuaRequests.ToString(CultureInfo.InvariantCulture), "-r", users.ToString(CultureInfo.InvariantCulture),
            "--csv", "EVALSHA", sha, "1", "{rb:0}", now, "user-__rand_int__", "s-__rand_int__", sample.ModuleId,
            sample.OrganizationId, Record(sample, now),
        ];
        var output = await RunAsync("redis-benchmark", arguments, input: null);
        // --csv: "test","rps" and 6 latency columns; the test's name, our command line, holds commas and newlines.
        var fields = System.Text.RegularExpressions.Regex.Matches(output, "\"([^\"]*)\"");
        return double.Parse(fields[^7].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The heartbeats of users 0..<see cref="BenchSettings.PipeHeartbeats"/> as plain ZADD ×3 + HSET in RESP, piped
    /// by redis-cli --pipe (the file is written once, outside the timing); heartbeats/s.
    /// </summary>
    public async Task<double> PipedHeartbeatsPerSecondAsync()
    {
        _pipeFile ??= WritePipeFile();
        var clock = Stopwatch.StartNew();
        await RunAsync("redis-cli", ["-h", settings.RedisHost, "-p", Port, "--pipe"], _pipeFile);
        return settings.PipeHeartbeats / clock.Elapsed.TotalSeconds;
    }

    private string Port => settings.RedisPort.ToString(CultureInfo.InvariantCulture);

    private string WritePipeFile()
    {
        var path = Path.Combine(settings.WorkFolder, "heartbeats.resp");
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var file = new BufferedStream(File.Create(path), 1 << 20);
        for (var user = 0; user < settings.PipeHeartbeats; user++)
        {
            var activity = heartbeats.Activity(user, settings.PipeHeartbeats);
            var tag = $"{{pp:{ShardHash.ShardOf(activity.UserId, settings.Shards)}}}";
            WriteCommand(file, "ZADD", tag + ":u", now, activity.UserId);
            WriteCommand(file, "ZADD", $"{tag}:m:{activity.ModuleId}", now, activity.UserId);
            WriteCommand(file, "ZADD", $"{tag}:o:{activity.OrganizationId}", now, activity.UserId);
            WriteCommand(file, "HSET", tag + ":si", activity.SessionId, Record(activity, now));
        }

        return path;
    }

    private static void WriteCommand(Stream stream, params string[] parts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"*{parts.Length}\r\n");
        foreach (var part in parts)
        {
            text.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }

        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    // The session record as our store keeps it: user, organization, module, started, ip, user agent.
    private static string Record(ActivityEvent activity, string now) =>
        string.Join('\n', activity.UserId, activity.OrganizationId, activity.ModuleId, now, activity.IpAddress, activity.UserAgent);

    private static async Task<string> RunAsync(string tool, string[] arguments, string? input)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await using (var source = File.OpenRead(input))
            {
                await source.CopyToAsync(process.StandardInput.BaseStream);
            }

            process.StandardInput.Close();
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }
}
