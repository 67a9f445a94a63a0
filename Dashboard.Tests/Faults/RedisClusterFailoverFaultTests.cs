using System.Diagnostics;
using Dashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Dashboard.Tests.Faults;

/// <summary>
/// The real app as its own process on a Redis Cluster of three masters with a replica each (node timeout 1 s), under
/// load, when one master is SIGKILLed: its replica takes over, tracking goes on, and the users who heartbeat again are
/// all counted, in the right organizations.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class RedisClusterFailoverFaultTests(ITestOutputHelper output)
{
    private const int Users = 30;

    [Fact]
    public async Task Cluster_MasterKilledUnderLoad_TrackingGoesOnAfterTheFailoverWithCountsRight()
    {
        var test = Stopwatch.StartNew();
        using var cluster = await TestServers.StartRedisClusterWithReplicasAsync("failover");
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string>
        {
            ["Dashboard:LiveStore"] = "Redis",
            ["ConnectionStrings:Redis"] = $"{cluster.ConnectionString},asyncTimeout=1000,syncTimeout=1000,connectTimeout=1000",
            ["Dashboard:Tracking:PollInterval"] = "00:00:01",
        });
        using var client = app.CreateClient();
        await using var load = TrackLoad.Start(client, Users, TimeSpan.FromMilliseconds(500));
        await FaultProbe.TimeUntilAsync(() => FaultProbe.CountsRightAsync(client, load), TimeSpan.FromSeconds(30), "every user counted");

        var killedAt = load.Now;
        await cluster.KillMasterAsync();
        await cluster.WaitUntilWholeAsync();
        var failover = load.Now - killedAt;
        var tracking = await FaultProbe.TimeUntilAsync(
            () => Task.FromResult(load.Between(load.Now - TimeSpan.FromSeconds(1), load.Now) is { Count: > 0 } last && last.All(answer => answer.Status == 200)),
            TimeSpan.FromSeconds(15), "every heartbeat accepted again");
        var counted = await FaultProbe.TimeUntilAsync(() => FaultProbe.CountsRightAsync(client, load), TimeSpan.FromSeconds(10), "counts right after the failover");

        await Task.Delay(TimeSpan.FromSeconds(2));
        // From the kill on: the first heartbeats to a fresh app also wait for its first connections.
        var all = load.Between(killedAt, load.Now);
        output.WriteLine($"failover {failover.TotalSeconds:F1} s; every heartbeat accepted {tracking.TotalSeconds:F1} s later, counts right {counted.TotalSeconds:F1} s after that; " +
            $"{all.Count(answer => answer.Status == 503)} of {all.Count} heartbeats answered 503, slowest {all.Max(answer => answer.Took).TotalMilliseconds:F0} ms; test {test.Elapsed.TotalSeconds:F0} s");
        Assert.False(app.HasExited);
        Assert.All(all, answer => Assert.True(answer.Status is 200 or 503, $"a heartbeat answered {answer.Status}: {answer.Body}"));
        Assert.All(all, answer => Assert.True(answer.Took < TimeSpan.FromSeconds(2), $"a heartbeat took {answer.Took.TotalMilliseconds:F0} ms"));
    }
}
