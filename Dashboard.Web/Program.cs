using Dashboard.Core.Configuration;
using Dashboard.Web.Components;
using Dashboard.Web.HostedServices;
using Dashboard.Web.Live;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
// Serve MudBlazor's and our static assets straight from the build in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddLiveTracking(builder.Configuration);
builder.Services.AddSingleton<MetricsHub>();
builder.Services.AddSingleton<MetricsPoller>();
builder.Services.AddHostedService(services => services.GetRequiredService<MetricsPoller>());
builder.Services.AddHostedService<LiveStoreCleanupService>();
builder.Services.AddScoped<DashboardState>();

builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web app's entry point, public so the tests can host it.</summary>
public partial class Program;
