using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Transport;

/// <summary>How requests reach the app: through which proxies, over which scheme, with which security headers.</summary>
public static class TransportExtensions
{
    public static IServiceCollection AddDashboardTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core believes loopback by default; the app believes only the proxies it is told of.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.Proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.Networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme, and answers with the headers.</summary>
    public static IApplicationBuilder UseDashboardTransport(this IApplicationBuilder app, IHostEnvironment environment)
    {
        app.UseForwardedHeaders();
        if (!environment.IsDevelopment() && !app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.TlsEndsAtProxy)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app.UseMiddleware<SecurityHeadersMiddleware>();
    }
}
