using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Configuration;
using Dashboard.Web;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Components;
using Dashboard.Web.Demo;
using Dashboard.Web.Health;
using Dashboard.Web.Telemetry;
using Dashboard.Web.Tracker;
using Dashboard.Web.Transport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;

// Settings are read once at start (and validated then), so the files need no watching. Watching the content root
// also woke the app for every write of the embedded SQLite database that lives there: ~10% of its CPU under load.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
// Serve MudBlazor's and our static assets straight from the build in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddDashboardWeb(builder.Configuration, builder.Environment);
builder.Services.AddDashboardTransport(builder.Configuration);

// A parameter that cannot be bound throws, so that the API answers it with its envelope naming the parameter.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddDashboardAuth(builder.Configuration, builder.Environment, DemoMode.Decide(builder.Configuration, builder.Environment));
builder.Services.AddCascadingAuthenticationState();

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
});
builder.Services.AddHealthChecks()
    .AddCheck<LiveStoreHealthCheck>(LiveStoreHealthCheck.NameFor(TrackingServiceCollectionExtensions.ReadLiveStoreKind(builder.Configuration)))
    .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name)
    .AddCheck<MigrationsHealthCheck>(MigrationsHealthCheck.Name, tags: [MigrationsHealthCheck.ReadinessTag]);
builder.Services.AddOpenApi(options => options
    .AddOperationTransformer<AllowedValuesTransformer>()
    .AddDocumentTransformer<SecuritySchemesTransformer>()
    .AddOperationTransformer<SecuritySchemesTransformer>());
// An unhealthy check reports its cause to the outage log (once per outage); the health service would log it again,
// with its stack trace, at every probe.
builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

app.UseDashboardTransport(app.Environment);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

// An address no page or endpoint answers gets the app's Not found page (status 404) instead of the browser's blank
// one. It runs outside the API's error middleware, which gives API answers their envelope (a body: left alone here).
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.Use(async (context, next) =>
{
    await next(context);
    // Only an address nothing answers gets that page, and only for a caller who may see pages: a refused form post
    // (400), a rate limit (429) or a machine's key keep their own answer (re-executed, they became redirects or 403s).
    if (context.Features.Get<IStatusCodePagesFeature>() is { Enabled: true } pages
        && (context.Response.StatusCode != StatusCodes.Status404NotFound
            || !(await context.RequestServices.GetRequiredService<IAuthorizationService>()
                .AuthorizeAsync(context.User, Policies.Viewer)).Succeeded))
    {
        pages.Enabled = false;
    }
});
app.UseConcurrentUsersApiErrors();
app.UseCors();
app.UseTrackMetrics();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapHealthProbes();
app.MapTrackerScript();
app.MapMetricsScrape();
app.MapAccountEndpoints();
app.MapOpenApi().RequireAuthorization(Policies.Viewer);
app.UseViewerPolicyFor("/api-docs");
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "api-docs";
    options.SwaggerEndpoint("/openapi/v1.json", "Concurrent users API");
});
app.MapConcurrentUsersApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireViewerForBlazorEndpoints();

app.Run();

/// <summary>The web app's entry point, public so the tests can host it.</summary>
public partial class Program;
