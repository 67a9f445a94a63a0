using Dashboard.Core.Tracking;

namespace Dashboard.Tests.Tracking;

public sealed class ShardHashTests
{
    // Fixed answers, computed with a separate reference XXH32 (seed 0) of the UTF-8 bytes: every process, instance
    // and .NET version must put a user in the same shard.
    [Theory]
    [InlineData("user123", 16, 7)]
    [InlineData("user123", 1, 0)]
    [InlineData("alice@example.com", 16, 13)]
    [InlineData("org456:user-7", 1024, 498)]
    public void ShardOf_KnownIds_AreStableAcrossProcesses(string userId, int shards, int expected)
    {
        Assert.Equal(expected, ShardHash.ShardOf(userId, shards));
    }

    [Fact]
    public void ShardOf_ManyUsers_SpreadsEvenlyOverShards()
    {
        var counts = new int[16];
        for (var i = 0; i < 160_000; i++)
        {
            counts[ShardHash.ShardOf($"user-{i}", 16)]++;
        }

        // 10,000 expected per shard; a fair hash stays within a few percent.
        Assert.All(counts, count => Assert.InRange(count, 9_500, 10_500));
    }

    [Fact]
    public void ShardOf_NoShards_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardHash.ShardOf("user", 0));
    }
}
