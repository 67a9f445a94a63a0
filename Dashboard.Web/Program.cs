using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Data.Configuration;
using Dashboard.Web.Api;
using Dashboard.Web.Components;
using Dashboard.Web.Demo;
using Dashboard.Web.Health;
using Dashboard.Web.HostedServices;
using Dashboard.Web.Live;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
// Serve MudBlazor's and our static assets straight from the build in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddLiveTracking(builder.Configuration);
builder.Services.AddDashboardHistory(builder.Configuration);
builder.Services.AddSingleton<MetricsHub>();
builder.Services.AddSingleton<MetricsPoller>();
builder.Services.AddHostedService(services => services.GetRequiredService<MetricsPoller>());
builder.Services.AddHostedService<LiveStoreCleanupService>();
builder.Services.AddSingleton<PerPollCache>();
builder.Services.AddSingleton<LiveReads>();
builder.Services.AddSingleton<HistoryReads>();
builder.Services.AddScoped<DashboardState>();

var demo = DemoMode.Decide(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(demo);
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));
if (demo.IsOn)
{
    builder.Services.AddHostedService<DemoTrafficService>();
}

builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddHealthChecks()
    .AddCheck<LiveStoreHealthCheck>(LiveStoreHealthCheck.Name)
    .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
builder.Services.AddOpenApi();

builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

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
