using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>
/// A Lua script with its SHA-1 worked out once. Evaluating a script given as text makes the client look its hash up by
/// the whole text (10 KB with shared.lua) on every call, a measurable share of the app's CPU under load; EVALSHA by
/// hash does not. A server that has not seen the script yet (new, restarted, or a cluster node added) answers
/// NOSCRIPT, and the text is sent once more.
/// </summary>
internal sealed class RedisScript(string text)
{
    // Redis names scripts by SHA-1; nothing here depends on it resisting collisions.
#pragma warning disable CA5350
    private readonly byte[] _hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5350

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            return await database.ScriptEvaluateAsync(_hash, keys, arguments).ConfigureAwait(false);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(text, keys, arguments).ConfigureAwait(false);
        }
    }
}
