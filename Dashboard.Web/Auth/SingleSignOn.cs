using System.Security.Claims;
using Dashboard.Data;
using Dashboard.Data.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dashboard.Web.Auth;

/// <summary>
/// Signing in through an OpenID Connect provider (authorization code with PKCE). A person the provider vouches for gets
/// the same cookie as a local one, holding their name and the role their role claim maps to; one whose claim maps to no
/// role is sent to the no-access page and gets no cookie.
/// </summary>
public static partial class SingleSignOn
{
    public const string Scheme = "oidc";

    /// <summary>Where a person whose role claim maps to no role lands (anonymous, no cookie set).</summary>
    public const string NoAccessPath = "/login/no-access";

    /// <summary>The provider's subject identifier of a person signed in through it; local people have none.</summary>
    public const string SubjectClaim = "oidc_sub";

    /// <summary>Where a sign-in the provider did not complete (an error, a refusal) comes back to: the login page says so.</summary>
    public const string FailedPath = "/login?sso=failed";

    private static readonly string[] NameClaims = ["preferred_username", "name", "email", "sub"];

    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, OidcOptions settings) =>
        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, oidc =>
        {
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.RequireHttpsMetadata = !settings.IsLoopbackHttp;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            oidc.SignInScheme = IdentityConstants.ApplicationScheme;
            // Claims keep the names the provider gives them, so RoleClaim is written as the provider's documentation says.
            oidc.MapInboundClaims = false;
            // The cookie keeps only the ID token, as the hint the provider's end-session endpoint asks for.
            oidc.SaveTokens = false;
            oidc.Scope.Clear();
            oidc.Scope.Add(OpenIdConnectScope.OpenIdProfile);
            oidc.Events.OnTokenValidated = OnTokenValidatedAsync;
            oidc.Events.OnRemoteFailure = OnRemoteFailureAsync;
        });

    /// <summary>
    /// Whether the provider offers an end-session endpoint; a provider that cannot be reached now is treated as not,
    /// so that signing out of the dashboard never fails for it.
    /// </summary>
    public static async Task<bool> ProviderEndsSessionsAsync(HttpContext context)
    {
        var oidc = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Scheme);
        try
        {
            var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            LogNoEndSession(Logger(context), exception.Message);
            return false;
        }
    }

    private static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value;
        var roles = new OidcRoleMap(settings);
        var person = context.Principal!;
        var name = NameClaims.Select(type => person.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) ?? "";
        var role = roles.RoleOf(person);
        if (role is null)
        {
            LogNoRole(Logger(context.HttpContext), name, settings.DisplayName, settings.RoleClaim, string.Join(", ", roles.ValuesOf(person)));
            // Handled here, the sign-in stops before any cookie is written.
            context.HandleResponse();
            context.Response.Redirect(NoAccessPath);
            await AuditAsync(context.HttpContext, name, AuditActions.SignInFailed, new { Provider = settings.DisplayName, Reason = "no_role" });
            return;
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(SubjectClaim, person.FindFirst("sub")?.Value ?? name)],
            IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role));
        var idToken = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken;
        context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        await AuditAsync(context.HttpContext, name, AuditActions.SignIn, new { Provider = settings.DisplayName, Role = role });
    }

    // The provider holds no row here to share a transaction with: the audit row is the only write of the sign-in.
    private static async Task AuditAsync(HttpContext context, string person, string action, object details)
    {
        var services = context.RequestServices;
        var database = services.GetRequiredService<HistoryDbContext>();
        var actor = new AuditActor(person, context.Connection.RemoteIpAddress?.ToString());
        database.AuditLog.Add(actor.Entry(services.GetRequiredService<TimeProvider>().GetUtcNow(), action, person, details));
        await database.SaveChangesAsync(context.RequestAborted);
    }

    private static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        LogFailed(Logger(context.HttpContext), context.Failure?.Message);
        context.HandleResponse();
        context.Response.Redirect(FailedPath);
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn).FullName!);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Person} signed in with {Provider} but has no dashboard role: their {RoleClaim} claim holds [{Values}], none of them in AdminValues or ViewerValues")]
    private static partial void LogNoRole(ILogger logger, string person, string provider, string roleClaim, string values);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in with the provider did not complete: {Reason}")]
    private static partial void LogFailed(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signed out of the dashboard only: the sign-in provider's configuration could not be read ({Reason})")]
    private static partial void LogNoEndSession(ILogger logger, string reason);
}
