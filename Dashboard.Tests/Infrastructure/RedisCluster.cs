using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A real three-master Redis Cluster (no replicas) on free loopback ports.</summary>
internal sealed class RedisCluster : IDisposable
{
    private readonly IReadOnlyList<RedisServer> _nodes;

    private RedisCluster(IReadOnlyList<RedisServer> nodes) => _nodes = nodes;

    /// <summary>Seed nodes, as a StackExchange.Redis configuration string.</summary>
    public string ConnectionString => string.Join(',', _nodes.Select(node => node.Endpoint));

    public static async Task<RedisCluster> StartAsync(string folder)
    {
        var nodes = new List<RedisServer>();
        for (var i = 0; i < 3; i++)
        {
            nodes.Add(await RedisServer.StartAsync(Path.Combine(folder, $"node-{i}"), clusterNode: true));
        }

        var cluster = new RedisCluster(nodes);
        await nodes[0].CliAsync(["--cluster", "create", .. nodes.Select(node => node.Endpoint), "--cluster-replicas", "0", "--cluster-yes"]);
        await cluster.WaitUntilFormedAsync();
        return cluster;
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
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
