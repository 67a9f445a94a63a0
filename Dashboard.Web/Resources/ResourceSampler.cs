using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Resources;
using Dashboard.Core.Tracking;
using Dashboard.Data.Resources;
using StackExchange.Redis;

namespace Dashboard.Web.Resources;

/// <summary>
/// Measures this instance each poll: host CPU from /proc/stat and memory from /proc/meminfo (Linux), the process's
/// own CPU and memory, the database's connections, and Redis's memory and clients (summed over primaries).
/// </summary>
public sealed class ResourceSampler(ResourceRecorder database, IServiceProvider services, TimeProvider time, IConfiguration configuration)
{
    private readonly Lock _lock = new();
    private (long Busy, long Total)? _previousHost;
    private (TimeSpan Cpu, long At)? _previousProcess;

    /// <summary>How this instance is named in resource_utilization: <c>Dashboard:InstanceId</c>, else the host name.</summary>
    public string InstanceId { get; } = configuration["Dashboard:InstanceId"] is { Length: > 0 } id ? id : Environment.MachineName;

    /// <summary>The figures of this moment; a store that is down leaves its own figures empty, not the others.</summary>
    public async Task<ResourceSample> SampleAsync(CancellationToken cancellationToken)
    {
        var (hostCpu, processCpu) = CpuPercents();
        var (hostMemory, processMemory) = MemoryPercents();
        (int Used, int Max)? connections = null;
        try
        {
            connections = await database.ReadDatabaseConnectionsAsync(cancellationToken);
        }
        catch (StoreUnavailableException)
        {
        }

        var (redisMemory, redisClients) = await ReadRedisAsync();
        return new ResourceSample(
            InstanceId, time.GetUtcNow(), hostCpu, processCpu, hostMemory, processMemory,
            connections?.Used, connections?.Max, redisMemory, redisClients);
    }

    private (double Host, double Process) CpuPercents()
    {
        var host = ReadHostCpu();
        using var process = Process.GetCurrentProcess();
        var processCpu = process.TotalProcessorTime;
        var now = time.GetTimestamp();
        lock (_lock)
        {
            double hostPercent = 0, processPercent = 0;
            if (host is { } current && _previousHost is { } previous && current.Total > previous.Total)
            {
                hostPercent = 100.0 * (current.Busy - previous.Busy) / (current.Total - previous.Total);
            }

            if (_previousProcess is { } before && time.GetElapsedTime(before.At, now) is { TotalMilliseconds: > 0 } elapsed)
            {
                processPercent = 100.0 * (processCpu - before.Cpu).TotalMilliseconds / elapsed.TotalMilliseconds / Environment.ProcessorCount;
            }

            _previousHost = host;
            _previousProcess = (processCpu, now);
            return (Math.Clamp(hostPercent, 0, 100), Math.Clamp(processPercent, 0, 100));
        }
    }

    // The first line of /proc/stat: user nice system idle iowait irq softirq steal ... (in clock ticks).
    private static (long Busy, long Total)? ReadHostCpu()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Sum();
        return (total - idle, total);
    }

    private static (double Host, double Process) MemoryPercents()
    {
        using var process = Process.GetCurrentProcess();
        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        double host = 0;
        if (File.Exists("/proc/meminfo"))
        {
            var values = File.ReadLines("/proc/meminfo")
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
            if (values.TryGetValue("MemTotal", out var memTotal) && values.TryGetValue("MemAvailable", out var available) && memTotal > 0)
            {
                host = 100.0 * (memTotal - available) / memTotal;
                total = Math.Min(total, memTotal);
            }
        }

        return (host, total > 0 ? 100.0 * process.WorkingSet64 / total : 0);
    }

    private async Task<(long? Memory, long? Clients)> ReadRedisAsync()
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return (null, null);
        }

        try
        {
            long memory = 0, clients = 0;
            foreach (var server in redis.GetServers().Where(server => server.IsConnected && !server.IsReplica))
            {
                var info = (await server.InfoAsync("memory")).Concat(await server.InfoAsync("clients"))
                    .SelectMany(group => group).ToDictionary(pair => pair.Key, pair => pair.Value);
                memory += long.Parse(info.GetValueOrDefault("used_memory", "0"), CultureInfo.InvariantCulture);
                clients += long.Parse(info.GetValueOrDefault("connected_clients", "0"), CultureInfo.InvariantCulture);
            }

            return (memory, clients);
        }
        catch (Exception exception) when (exception is RedisException or RedisCommandException or TimeoutException)
        {
            return (null, null);
        }
    }
}
