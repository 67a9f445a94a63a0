using Dashboard.Core.Configuration;
using Dashboard.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.Auth;

/// <summary>
/// The data-protection key ring every instance shares, so that a sign-in cookie or an antiforgery token one instance
/// issued is good on every other behind the load balancer: on the Redis live store when there is one (beside the
/// counts, under the tracking key prefix), in the history database otherwise (the <c>data_protection_keys</c> table).
/// </summary>
public static class SharedDataProtection
{
    // Keys are isolated by application name; the default is the content root, which differs between installations of
    // the same dashboard. One fixed name lets every instance read what another protected.
    public const string ApplicationName = "concurrent-users-dashboard";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (TrackingServiceCollectionExtensions.ReadLiveStoreKind(configuration) == LiveStoreKind.Redis)
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<IConnectionMultiplexer, IOptions<TrackingOptions>>((keys, redis, tracking) =>
                    keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), $"{tracking.Value.KeyPrefix}:data-protection-keys"));
        }
        else
        {
            protection.PersistKeysToDbContext<HistoryDbContext>();
        }

        return services;
    }
}
