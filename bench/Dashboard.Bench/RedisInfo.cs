using System.Globalization;
using StackExchange.Redis;

namespace Dashboard.Bench;

/// <summary>Reads what the benchmark needs from the benchmark's Redis: INFO fields and per-key memory.</summary>
internal sealed class RedisInfo(IConnectionMultiplexer redis, string endpoint)
{
    private IServer Server => redis.GetServer(endpoint);

    public async Task<long> UsedMemoryAsync()
    {
        var info = await Server.InfoAsync("memory");
        return long.Parse(Field(info, "used_memory"), CultureInfo.InvariantCulture);
    }

    /// <summary>Microseconds Redis has spent running scripts (EVAL and EVALSHA) since it started.</summary>
    public async Task<long> ScriptMicrosAsync()
    {
        var info = await Server.InfoAsync("commandstats");
        return info.SelectMany(section => section)
            .Where(pair => pair.Key is "cmdstat_evalsha" or "cmdstat_eval")
            .Sum(pair => long.Parse(pair.Value.Split(',')[1]["usec=".Length..], CultureInfo.InvariantCulture));
    }

    public async Task<string> VersionAsync()
    {
        var info = await Server.InfoAsync("server");
        return Field(info, "redis_version");
    }

    public async Task<string> ConfigAsync(string name)
    {
        var pairs = await Server.ConfigGetAsync(name);
        return pairs.Length == 0 ? "" : pairs[0].Value;
    }

    public Task FlushAsync() => Server.FlushAllDatabasesAsync();

    /// <summary>
    /// Every key under the prefix grouped by its kind (the key without its hash tag, ids replaced by &lt;id&gt;), with
    /// the count, the bytes MEMORY USAGE gives (value, key name and its dictionary entry) and one key's encoding.
    /// </summary>
    public async Task<IReadOnlyList<KeyKind>> KeyKindsAsync(string prefix)
    {
        var database = redis.GetDatabase();
        var kinds = new Dictionary<string, KeyKind>(StringComparer.Ordinal);
        var batch = new List<RedisKey>(1000);
        await foreach (var key in Server.KeysAsync(pattern: $"{{{prefix}:*", pageSize: 1000))
        {
            batch.Add(key);
            if (batch.Count == batch.Capacity)
            {
                await AddAsync(database, kinds, batch);
                batch.Clear();
            }
        }

        await AddAsync(database, kinds, batch);
        return [.. kinds.Values.OrderByDescending(kind => kind.Bytes)];
    }

    private static async Task AddAsync(IDatabase database, Dictionary<string, KeyKind> kinds, List<RedisKey> keys)
    {
        var sizes = await Task.WhenAll(keys.Select(key => database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0")));
        for (var i = 0; i < keys.Count; i++)
        {
            var name = KindOf(keys[i].ToString());
            if (!kinds.TryGetValue(name, out var kind))
            {
                var encoding = (string?)await database.ExecuteAsync("OBJECT", "ENCODING", keys[i]) ?? "";
                kind = new KeyKind(name, encoding);
                kinds[name] = kind;
            }

            kind.Keys++;
            kind.Bytes += (long)sizes[i];
        }
    }

    // "{bench:7}:mo:tax|org-00042" -> ":mo:<id>"
    private static string KindOf(string key)
    {
        var rest = key[(key.IndexOf('}', StringComparison.Ordinal) + 1)..];
        var second = rest.IndexOf(':', 1);
        return second < 0 ? rest : rest[..(second + 1)] + "<id>";
    }

    private static string Field(IGrouping<string, KeyValuePair<string, string>>[] info, string name) =>
        info.SelectMany(section => section).First(pair => pair.Key == name).Value;
}
