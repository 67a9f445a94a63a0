using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Leases;

/// <summary>
/// Job leases in Redis: <c>{prefix:lease:job}</c> holds the holder's random owner value with a PX expiry (SET NX PX),
/// and <c>{prefix:lease:job}:token</c> counts acquisitions for the fencing token. Both share one hash tag, so each
/// script runs in one slot of a cluster. Renew and release compare the owner value first, in one script.
/// The expiry runs on Redis's clock, so instances need not agree on the time.
/// </summary>
public sealed class RedisJobLease(IConnectionMultiplexer redis, IOptions<TrackingOptions> options) : IJobLease
{
    private static readonly RedisScript Acquire = new("""
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return redis.call('INCR', KEYS[2])
        end
        return false
        """);

    private static readonly RedisScript Renew = new("""
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """);

    private static readonly RedisScript Release = new("""
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """);

    public async Task<JobLeaseGrant?> TryAcquireAsync(string job, TimeSpan duration, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var result = await EvaluateAsync(Acquire, job, owner, Milliseconds(duration)).ConfigureAwait(false);
        return result.IsNull ? null : new JobLeaseGrant(job, owner, (long)result);
    }

    public async Task<bool> RenewAsync(JobLeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken) =>
        (long)await EvaluateAsync(Renew, grant.Job, grant.Owner, Milliseconds(duration)).ConfigureAwait(false) == 1;

    public async Task<bool> ReleaseAsync(JobLeaseGrant grant, CancellationToken cancellationToken) =>
        (long)await EvaluateAsync(Release, grant.Job, grant.Owner).ConfigureAwait(false) == 1;

    private static string Milliseconds(TimeSpan duration) =>
        ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private Task<RedisResult> EvaluateAsync(RedisScript script, string job, params RedisValue[] arguments)
    {
        var key = $"{{{options.Value.KeyPrefix}:lease:{job}}}";
        return RedisCalls.RunAsync(() => script.EvaluateAsync(redis.GetDatabase(), [key, key + ":token"], arguments));
    }
}
