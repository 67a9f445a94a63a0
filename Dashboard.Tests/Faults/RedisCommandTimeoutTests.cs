using System.Diagnostics;
using Dashboard.Core.Configuration;
using Dashboard.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Dashboard.Tests.Faults;

/// <summary>
/// The app's Redis connection (ConnectRedis) on a Redis that stops answering (SIGSTOP): a command fails soon after
/// its timeout, whenever it was sent. The client looks for timed-out commands on each heartbeat; at its default of
/// one a second, a command with a 1 s timeout failed after up to 2 s, which put heartbeats in flight during a
/// cluster failover over the 2 s bound.
/// </summary>
[Collection(FaultTests.Name)]
public sealed class RedisCommandTimeoutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StalledRedis_CommandsWithAOneSecondTimeout_FailWithinAHalfSecondOfIt()
    {
        using var redis = await TestServers.StartRedisAsync("timeout");
        using var connection = TrackingServiceCollectionExtensions.ConnectRedis($"{redis.Endpoint},asyncTimeout=1000,syncTimeout=1000");
        var database = connection.GetDatabase();
        await database.PingAsync();
        await redis.StallAsync();
        try
        {
            var failures = new List<string>();
            // Sent at ten points of a second, so whatever the heartbeat's phase some are sent just after one.
            var took = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * i));
                var clock = Stopwatch.StartNew();
                var failure = await Record.ExceptionAsync(() => database.StringGetAsync("key"));
                Assert.True(failure is RedisTimeoutException or RedisConnectionException, $"failed with {failure}");
                lock (failures)
                {
                    failures.Add(failure.Message);
                }

                return clock.Elapsed;
            }));

            output.WriteLine($"failed after {string.Join(", ", took.Select(time => $"{time.TotalMilliseconds:F0}"))} ms: {failures[0]}");
            Assert.All(took, time => Assert.True(time < TimeSpan.FromMilliseconds(1500), $"a command failed after {time.TotalMilliseconds:F0} ms"));
        }
        finally
        {
            await redis.ResumeAsync();
        }
    }
}
