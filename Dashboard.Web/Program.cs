using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Alerts;
using Dashboard.Core.Configuration;
using Dashboard.Data.Configuration;
using Dashboard.Web.Alerts;
using Dashboard.Web.Api;
using Dashboard.Web.Components;
using Dashboard.Web.Demo;
using Dashboard.Web.Health;
using Dashboard.Web.HostedServices;
using Dashboard.Web.Live;
using Dashboard.Web.Performance;
using Dashboard.Web.Realtime;
using Dashboard.Web.Resources;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

// Settings are read once at start (and validated then), so the files need no watching. Watching the content root
// also woke the app for every write of the embedded SQLite database that lives there: ~10% of its CPU under load.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
// Serve MudBlazor's and our static assets straight from the build in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddLiveTracking(builder.Configuration);
builder.Services.AddDashboardHistory(builder.Configuration);
builder.Services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
builder.Services.AddSingleton<AlertEvaluator>();
builder.Services.AddSingleton<AlertMonitor>();
builder.Services.AddHttpClient(nameof(AlertWebhook), client => client.Timeout = TimeSpan.FromSeconds(10));
builder.Services.AddSingleton<AlertWebhook>();
builder.Services.AddHostedService(services => services.GetRequiredService<AlertWebhook>());
builder.Services.AddSingleton<ResourceSampler>();
builder.Services.AddSingleton<ApiLatencies>();
builder.Services.AddSingleton<MetricsHub>();
builder.Services.AddOptions<RealtimeOptions>().Bind(builder.Configuration.GetSection(RealtimeOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<RealtimeOptions>, RealtimeOptionsValidator>();
builder.Services.AddSingleton<RealtimeConnections>();
builder.Services.AddSingleton<MetricsPoller>();
builder.Services.AddHostedService(services => services.GetRequiredService<MetricsPoller>());
builder.Services.AddHostedService<LiveStoreCleanupService>();
builder.Services.AddSingleton<PerPollCache>();
builder.Services.AddSingleton<LiveReads>();
builder.Services.AddSingleton<HistoryReads>();
builder.Services.AddSingleton<AlertReads>();
builder.Services.AddScoped<DashboardState>();

var demo = DemoMode.Decide(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(demo);
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));
if (demo.IsOn)
{
    builder.Services.AddHostedService<DemoTrafficService>();
}

// A parameter that cannot be bound throws, so that the API answers it with its envelope naming the parameter.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
});
builder.Services.AddHealthChecks()
    .AddCheck<LiveStoreHealthCheck>(LiveStoreHealthCheck.NameFor(TrackingServiceCollectionExtensions.ReadLiveStoreKind(builder.Configuration)))
    .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
builder.Services.AddOpenApi(options => options.AddOperationTransformer<AllowedValuesTransformer>());
// An unhealthy check reports its cause to the outage log (once per outage); the health service would log it again,
// with its stack trace, at every probe.
builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);

builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseConcurrentUsersApiErrors();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "api-docs";
    options.SwaggerEndpoint("/openapi/v1.json", "Concurrent users API");
});
app.MapConcurrentUsersApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web app's entry point, public so the tests can host it.</summary>
public partial class Program;
