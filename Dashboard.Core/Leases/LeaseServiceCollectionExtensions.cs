using Dashboard.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Leases;

public static class LeaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job leases on the live store's side: Redis when the live store is Redis (shared by every
    /// instance), in this process otherwise (the in-process live store means one instance).
    /// </summary>
    public static IServiceCollection AddJobLeases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LeaseOptions>()
            .Bind(configuration.GetSection(LeaseOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LeaseOptions>, LeaseOptionsValidator>();
        if (TrackingServiceCollectionExtensions.ReadLiveStoreKind(configuration) == LiveStoreKind.Redis)
        {
            services.AddSingleton<IJobLease, RedisJobLease>();
        }
        else
        {
            services.AddSingleton<IJobLease, InProcessJobLease>();
        }

        services.AddSingleton<JobLeases>();
        return services;
    }
}
