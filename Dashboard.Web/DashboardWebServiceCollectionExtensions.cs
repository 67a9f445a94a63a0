using Dashboard.Core.Alerts;
using Dashboard.Core.Configuration;
using Dashboard.Data.Configuration;
using Dashboard.Web.Alerts;
using Dashboard.Web.Components.Controls;
using Dashboard.Web.Components.Formatting;
using Dashboard.Web.Components.Storage;
using Dashboard.Web.Demo;
using Dashboard.Web.HostedServices;
using Dashboard.Web.Live;
using Dashboard.Web.Performance;
using Dashboard.Web.Realtime;
using Dashboard.Web.Resources;
using Dashboard.Web.Telemetry;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Web;

public static class DashboardWebServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dashboard below its endpoints and pages: the live and history stores, validated alert options,
    /// the poller and its hub, the per-poll reads, each viewer's state, demo traffic when it is on, and MudBlazor.
    /// The app and the component tests both call this, so they cannot drift apart.
    /// </summary>
    public static IServiceCollection AddDashboardWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddLiveTracking(configuration);
        services.AddDashboardHistory(configuration);
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertMonitor>();
        services.AddHttpClient(nameof(AlertWebhook), client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<AlertWebhook>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertWebhook>());
        services.AddSingleton<ResourceSampler>();
        services.AddSingleton<ApiLatencies>();
        services.AddSingleton<MetricsHub>();
        services.AddDashboardTelemetry(configuration);
        services.AddOptions<RealtimeOptions>().Bind(configuration.GetSection(RealtimeOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RealtimeOptions>, RealtimeOptionsValidator>();
        services.AddSingleton<RealtimeConnections>();
        services.AddSingleton<MetricsPoller>();
        services.AddHostedService(provider => provider.GetRequiredService<MetricsPoller>());
        services.AddHostedService<LiveStoreCleanupService>();
        services.AddHostedService<JobLeaseKeeper>();
        services.AddSingleton<PerPollCache>();
        services.AddSingleton<LiveReads>();
        services.AddSingleton<HistoryReads>();
        services.AddSingleton<AlertManagement>();
        services.AddScoped<DashboardState>();
        services.AddScoped<ILocalStorage, LocalStorage>();
        services.AddScoped<BrowserTimeZone>();
        services.AddScoped<AlertAcknowledgement>();

        var demo = DemoMode.Decide(configuration, environment);
        services.AddSingleton(demo);
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.SectionName));
        if (demo.IsOn)
        {
            services.AddHostedService<DemoTrafficService>();
        }

        services.AddMudServices();
        return services;
    }
}
