using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Core.History;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>
/// The live samples on Redis or Redis Cluster: a sorted set per scope under one hash tag, so a poll is stored and
/// trimmed in one script call in one slot. The key layout is described in Scripts/append_sample.lua.
/// </summary>
public sealed class RedisLiveSampleStore(IConnectionMultiplexer redis, IOptions<TrackingOptions> options) : ILiveSampleStore
{
    private readonly string _tag = $"{{{options.Value.KeyPrefix}:samples}}";

    public Task AppendAsync(LiveSnapshot snapshot, CancellationToken cancellationToken)
    {
        var at = snapshot.Timestamp.ToUnixTimeMilliseconds();
        List<RedisValue> arguments =
        [
            at, (snapshot.Timestamp - LiveSample.Retention).ToUnixTimeMilliseconds(),
            snapshot.ConcurrentUsers, snapshot.ActiveSessions,
        ];
        foreach (var module in snapshot.Modules)
        {
            arguments.AddRange([KeyOf(HistoryScope.Module(module.Id)), module.Users]);
        }

        foreach (var organization in snapshot.Organizations)
        {
            arguments.AddRange([KeyOf(HistoryScope.Organization(organization.Id)), organization.Users]);
        }

        return EvaluateAsync(RedisScripts.AppendSample, [.. arguments]);
    }

    public async Task<IReadOnlyList<LiveSample>> ReadRangeAsync(
        HistoryScope scope, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var only = scope.Kind == HistoryScopeKind.Overall ? "" : KeyOf(scope);
        var samples = await ReadAsync(since, until, only).ConfigureAwait(false);
        return samples[scope];
    }

    public Task<IReadOnlyDictionary<HistoryScope, IReadOnlyList<LiveSample>>> ReadAllScopesAsync(
        DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        ReadAsync(since, until, "*");

    private async Task<IReadOnlyDictionary<HistoryScope, IReadOnlyList<LiveSample>>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, string only)
    {
        var result = (RedisResult[])(await EvaluateAsync(RedisScripts.ReadSamples,
            [since.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds(), only]).ConfigureAwait(false))!;

        var polls = ((RedisValue[])result[0]!).Select(member => Parse((string)member!)).ToList();
        var samples = new Dictionary<HistoryScope, IReadOnlyList<LiveSample>>
        {
            [HistoryScope.Overall] = [.. polls.Select(poll => new LiveSample(poll.At, poll.Users, poll.Sessions))],
        };
        for (var i = 1; i < result.Length; i += 2)
        {
            var users = ((RedisValue[])result[i + 1]!).Select(member => Parse((string)member!))
                .GroupBy(sample => sample.At)
                .ToDictionary(group => group.Key, group => group.Max(sample => sample.Users));
            samples[ScopeOf((string)result[i]!)] =
                [.. polls.Select(poll => new LiveSample(poll.At, users.GetValueOrDefault(poll.At)))];
        }

        return samples;
    }

    private Task<RedisResult> EvaluateAsync(RedisScript script, RedisValue[] arguments) =>
        RedisCalls.RunAsync(() => script.EvaluateAsync(redis.GetDatabase(), [_tag], arguments));

    // Ids may hold ':', so only the first separator splits the kind from the id.
    private static string KeyOf(HistoryScope scope) =>
        (scope.Kind == HistoryScopeKind.Module ? "m:" : "o:") + scope.Id;

    private static HistoryScope ScopeOf(string key) =>
        key.StartsWith("m:", StringComparison.Ordinal) ? HistoryScope.Module(key[2..]) : HistoryScope.Organization(key[2..]);

    // 'at:users' or 'at:users:sessions'
    private static (DateTimeOffset At, long Users, long? Sessions) Parse(string member)
    {
        var parts = member.Split(':');
        return (
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[0], CultureInfo.InvariantCulture)),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            parts.Length > 2 ? long.Parse(parts[2], CultureInfo.InvariantCulture) : null);
    }
}
