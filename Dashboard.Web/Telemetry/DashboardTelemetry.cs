using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// How the dashboard is seen from outside: OpenTelemetry metrics (ours on every meter named <c>Dashboard*</c>, and ASP.NET
/// Core's) scraped by Prometheus at <see cref="ScrapePath"/>, and pushed with traces over OTLP when
/// <see cref="OtlpEndpointKey"/> is set.
/// </summary>
public static class DashboardTelemetry
{
    public const string ScrapePath = "/metrics";
    public const string AllowAnonymousKey = "Dashboard:Metrics:AllowAnonymous";
    public const string OtlpEndpointKey = "Dashboard:Telemetry:OtlpEndpoint";
    public const string ServiceName = "concurrent-users-dashboard";

    public static IServiceCollection AddDashboardTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<DashboardMetrics>();
        var otlp = configuration[OtlpEndpointKey];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter($"{DashboardMetrics.MeterName}*").AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp)));
        }

        return services;
    }

    /// <summary>Counts and times every track request by how it ended, the rate limiter's refusals included: call before it.</summary>
    public static IApplicationBuilder UseTrackMetrics(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments($"{ConcurrentUsersApi.Prefix}/track"),
            track => track.UseMiddleware<TrackMetricsMiddleware>());

    public static IEndpointConventionBuilder MapMetricsScrape(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(Policies.Metrics);
}
