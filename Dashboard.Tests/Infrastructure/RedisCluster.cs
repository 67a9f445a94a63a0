using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A real three-master Redis Cluster on free loopback ports, without replicas unless asked for.</summary>
internal sealed class RedisCluster : IDisposable
{
    private readonly List<RedisServer> _nodes;

    private RedisCluster(List<RedisServer> nodes) => _nodes = nodes;

    /// <summary>Seed nodes, as a StackExchange.Redis configuration string.</summary>
    public string ConnectionString => string.Join(',', _nodes.Select(node => node.Endpoint));

    /// <param name="replicas">Replicas of each master.</param>
    /// <param name="nodeTimeout">Milliseconds a node may not answer before it counts as failed (and a replica takes over).</param>
    public static async Task<RedisCluster> StartAsync(string folder, int replicas = 0, int nodeTimeout = 5000)
    {
        var nodes = new List<RedisServer>();
        for (var i = 0; i < 3 * (1 + replicas); i++)
        {
            nodes.Add(await RedisServer.StartAsync(
                Path.Combine(folder, $"node-{i}"), clusterNode: true, nodeTimeout: nodeTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var cluster = new RedisCluster(nodes);
        await nodes[0].CliAsync(["--cluster", "create", .. nodes.Select(node => node.Endpoint), "--cluster-replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cluster-yes"]);
        await cluster.WaitUntilFormedAsync();
        await cluster.WaitUntilReplicasSyncedAsync(3 * replicas);
        return cluster;
    }

    /// <summary>Kills one master (SIGKILL) and waits until the other nodes report the cluster whole again.</summary>
    public async Task KillMasterAsync()
    {
        RedisServer? master = null;
        foreach (var node in _nodes)
        {
            if ((await node.CliAsync("role")).StartsWith("master", StringComparison.Ordinal))
            {
                master = node;
                break;
            }
        }

        master!.Dispose();
        _nodes.Remove(master);
    }

    /// <summary>
    /// Waits until the failover is over: three masters again among the nodes left (the killed one's replica
    /// promoted) and every node reporting the cluster whole. Right after a kill the nodes still say
    /// <c>cluster_state:ok</c> until the node timeout has passed, so that alone is no sign of a failover.
    /// </summary>
    public async Task WaitUntilWholeAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var roles = await Task.WhenAll(_nodes.Select(node => node.CliAsync("role")));
            if (roles.Count(role => role.StartsWith("master", StringComparison.Ordinal)) == 3)
            {
                await WaitUntilFormedAsync();
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No replica took over the killed master within 30 s.");
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }

    // The cluster says ok before a replica has its master's data; a master killed then has no replica to take over.
    private async Task WaitUntilReplicasSyncedAsync(int replicas)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var roles = await Task.WhenAll(_nodes.Select(node => node.CliAsync("role")));
            if (roles.Count(role => role.StartsWith("slave", StringComparison.Ordinal) && role.Contains("\nconnected", StringComparison.Ordinal)) == replicas)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The Redis Cluster's {replicas} replicas were not in sync with their masters within 30 s.");
    }

    private async Task WaitUntilFormedAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var states = await Task.WhenAll(_nodes.Select(node => node.CliAsync("cluster", "info")));
            if (states.All(state => state.Contains("cluster_state:ok", StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The Redis Cluster did not reach cluster_state:ok within 30 s.");
    }
}
