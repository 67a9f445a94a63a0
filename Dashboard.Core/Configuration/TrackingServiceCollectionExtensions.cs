using Dashboard.Core.Leases;
using Dashboard.Core.Persistence;
using Dashboard.Core.Tracking;
using Dashboard.Core.Tracking.InProcess;
using Dashboard.Core.Tracking.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Core.Configuration;

public static class TrackingServiceCollectionExtensions
{
    public const string LiveStoreKey = "Dashboard:LiveStore";

    /// <summary>
    /// Registers the tracking core: validated options, the live store and the live sample store chosen by
    /// <c>Dashboard:LiveStore</c> (with one shared Redis connection when it is Redis), the <see cref="ActivityTracker"/>
    /// the <see cref="SessionUpdateQueue"/> it hands accepted activity to, and the job leases on the same store.
    /// </summary>
    public static IServiceCollection AddLiveTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TrackingOptions>()
            .Bind(configuration.GetSection(TrackingOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>();
        services.AddSingleton<ActivityTracker>();
        services.AddSingleton<ModuleBound>();
        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>();
        services.AddSingleton<SessionUpdateQueue>();
        services.TryAddSingleton<OutageLog>();
        services.AddJobLeases(configuration);

        switch (ReadLiveStoreKind(configuration))
        {
            case LiveStoreKind.Redis:
                var connection = configuration.GetConnectionString("Redis");
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException(
                        $"{LiveStoreKey} is Redis but ConnectionStrings:Redis is empty: give a StackExchange.Redis configuration such as \"localhost:6379\".");
                }

                services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(connection));
                services.AddSingleton<ILiveStore, RedisLiveStore>();
                services.AddSingleton<ILiveSampleStore, RedisLiveSampleStore>();
                break;
            default:
                services.AddSingleton<ILiveStore, InProcessLiveStore>();
                services.AddSingleton<ILiveSampleStore, InProcessLiveSampleStore>();
                break;
        }

        return services;
    }

    /// <summary>Connects without failing when Redis is down at start: the store reports it unavailable and reconnects.</summary>
    public static ConnectionMultiplexer ConnectRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        // INFO, which resource utilization reads (memory, clients), counts as an admin command for the client.
        options.AllowAdmin = true;
        // The default socket manager's dedicated threads spin while they wait: measured on 2 cores under load, they
        // took ~45% of the app's CPU. The shared thread pool does the same I/O without spinning.
        options.SocketManager = SocketManager.ThreadPool;
        // While no connection is up, a command fails at once instead of queueing for the whole command timeout (5 s
        // per /track with Redis down). The timeouts still bound a Redis that is connected but slow, and the
        // multiplexer's reconnect attempts are the probe that ends the outage.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // The default exponential policy waits longer after each failed attempt: after a 20 s outage the client came
        // back seconds after Redis did. One attempt a second ends an outage within a poll of Redis's return.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        // The client checks its commands for time-outs on each heartbeat, once a second by default: a command with
        // a 1 s timeout then failed after up to 2 s (a heartbeat in flight when a cluster master died took 2.1 s).
        // Four heartbeats per timeout fail it within a quarter of it; a heartbeat is a scan of the pending commands
        // and, on an idle connection, a PING.
        options.HeartbeatInterval = TimeSpan.FromMilliseconds(Math.Clamp(options.AsyncTimeout / 4, 100, 1000));
        return ConnectionMultiplexer.Connect(options);
    }

    /// <summary>The live store <c>Dashboard:LiveStore</c> asks for: in-process when it is not set.</summary>
    public static LiveStoreKind ReadLiveStoreKind(IConfiguration configuration)
    {
        var value = configuration[LiveStoreKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return LiveStoreKind.InProcess;
        }

        return Enum.TryParse<LiveStoreKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException(
                $"{LiveStoreKey} is \"{value}\"; it must be one of: {string.Join(", ", Enum.GetNames<LiveStoreKind>())}.");
    }
}
