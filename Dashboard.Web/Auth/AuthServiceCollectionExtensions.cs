using Dashboard.Web.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Registers who may call what: keys, cookies, and the policies of DESIGN.md's table with a fallback that denies the rest.</summary>
public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardAuth(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, DemoMode demo)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .PostConfigure(options => options.AnonymousAccess ??=
                demo.IsOn && environment.IsDevelopment() ? AnonymousAccess.Viewer : AnonymousAccess.None)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<ApiKeyTable>();

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "A key or a cookie", scheme => scheme.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.CarriesKey(context.Request) ? AuthSchemes.ApiKey : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = "/login";
                cookie.AccessDeniedPath = "/login";
                cookie.Cookie.Name = "dashboard.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.Events.OnRedirectToLogin = context => ApiAuthResponse.IsApi(context.Request)
                    ? ApiAuthResponse.UnauthorizedAsync(context.HttpContext)
                    : RedirectAsync(context);
                cookie.Events.OnRedirectToAccessDenied = context => ApiAuthResponse.IsApi(context.Request)
                    ? ApiAuthResponse.ForbiddenAsync(context.HttpContext)
                    : RedirectAsync(context);
            });

        services.AddSingleton<IAuthorizationHandler, ViewerAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Viewer, policy => policy.AddRequirements(new ViewerRequirement()))
            .AddPolicy(Policies.Sessions, policy => policy.RequireRole(DashboardRoles.Viewer, DashboardRoles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(DashboardRoles.Admin))
            .AddPolicy(Policies.Ingest, policy => policy.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Ingest));
        return services;
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
