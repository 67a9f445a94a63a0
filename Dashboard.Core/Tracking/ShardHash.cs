using System.IO.Hashing;
using System.Text;

namespace Dashboard.Core.Tracking;

/// <summary>
/// Picks a user's shard. It must give the same answer in every process and every version of .NET,
/// since all instances write the same Redis keys; string.GetHashCode is randomised per process.
/// </summary>
public static class ShardHash
{
    public static int ShardOf(string userId, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(userId));
        return (int)(hash % (uint)shards);
    }
}
