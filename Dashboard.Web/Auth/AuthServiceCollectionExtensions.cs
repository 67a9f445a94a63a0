using Dashboard.Data;
using Dashboard.Data.Identity;
using Dashboard.Web.Demo;
using Dashboard.Web.RateLimits;
using Dashboard.Web.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Registers who may call what: keys, people (ASP.NET Core Identity in the history database, signed in by cookie), and
/// the policies of DESIGN.md's table with a fallback that denies the rest.
/// </summary>
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
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.AddSingleton<ApiKeyTable>();
        services.AddSingleton<ApiKeyRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiKeyRefresher>());
        services.AddSingleton<ApiKeyIssuer>();
        // The beacon's CORS answers the origins of the site key a request names; there is no other CORS in the app.
        services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, SiteKeyCorsPolicyProvider>();
        services.AddCors();

        // Identity's stores want the context itself; it comes from the app's pooled factory and goes back at the request's end.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<HistoryDbContext>>().CreateDbContext());
        services.AddIdentityCore<DashboardUser>(identity =>
            {
                identity.Password.RequiredLength = AuthOptionsValidator.MinPasswordLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<HistoryDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<DashboardClaimsFactory>();
        services.AddScoped<PeopleAdministration>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitAuditActor>();
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
        services.AddHostedService<InitialAdminSeeder>();
        services.AddSharedDataProtection(configuration);
        services.AddDashboardRateLimits(configuration);

        var authentication = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "A key or a cookie", scheme => scheme.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.CarriesKey(context.Request) ? AuthSchemes.ApiKey : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(IdentityConstants.ApplicationScheme, cookie =>
            {
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/login";
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.Cookie.Name = AuthSchemes.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.Events.OnValidatePrincipal = CookieValidation.ValidatePrincipalAsync;
                cookie.Events.OnRedirectToLogin = context => ApiAuthResponse.IsApi(context.Request)
                    ? ApiAuthResponse.UnauthorizedAsync(context.HttpContext)
                    : RedirectAsync(context);
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    if (ApiAuthResponse.IsApi(context.Request))
                    {
                        return ApiAuthResponse.ForbiddenAsync(context.HttpContext);
                    }

                    if (context.HttpContext.User.HasClaim(claim => claim.Type == DashboardClaimsFactory.MustChangePasswordClaim))
                    {
                        context.RedirectUri = $"/account?returnUrl={Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}";
                    }

                    return RedirectAsync(context);
                };
            });
        var oidc = configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() ?? new();
        if (oidc.IsEnabled)
        {
            authentication.AddSingleSignOn(oidc);
        }

        services.AddSingleton<IAuthorizationHandler, ViewerAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Viewer, policy => policy.AddRequirements(new ViewerRequirement()))
            .AddPolicy(Policies.Sessions, policy => policy.RequireRole(DashboardRoles.Viewer, DashboardRoles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(DashboardRoles.Admin))
            .AddPolicy(Policies.Person, policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Ingest, policy => policy.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Ingest))
            .AddPolicy(Policies.Metrics, policy => policy.RequireAssertion(context =>
                configuration.GetValue<bool>(DashboardTelemetry.AllowAnonymousKey)
                || context.User.IsInRole(DashboardRoles.Admin)
                || context.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Metrics)));
        return services;
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
