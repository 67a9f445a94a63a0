using Dashboard.Data.Identity;
using Dashboard.Web.Components.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dashboard.Web.Auth;

/// <summary>
/// <c>POST /logout</c>: the app bar's sign-out form (a circuit cannot clear a cookie, a form post can); and, with single
/// sign-on, <c>POST /login/oidc</c>: the login page's "Sign in with …" button, which sends the browser to the provider.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/logout", async Task<Results<SignOutHttpResult, RedirectHttpResult>> (HttpContext context, SignInManager<DashboardUser> signIn) =>
            {
                // A person the provider signed in is signed out there too, when it can end sessions: else the next
                // "Sign in with …" would let them straight back in without asking.
                var signedInByProvider = await context.GetTokenAsync(IdentityConstants.ApplicationScheme, OpenIdConnectParameterNames.IdToken) is not null;
                await signIn.SignOutAsync();
                if (signedInByProvider && await SingleSignOn.ProviderEndsSessionsAsync(context))
                {
                    return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/login" }, [SingleSignOn.Scheme]);
                }

                return TypedResults.LocalRedirect("/login");
            })
            .RequireAuthorization(Policies.Person)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

        if (endpoints.ServiceProvider.GetRequiredService<IOptions<OidcOptions>>().Value.IsEnabled)
        {
            endpoints.MapPost("/login/oidc", async Task<Results<ChallengeHttpResult, BadRequest>> (HttpContext context) =>
                {
                    // Checked here rather than by binding the form, which would throw past the page's error handling.
                    if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                    {
                        return TypedResults.BadRequest();
                    }

                    var returnUrl = (await context.Request.ReadFormAsync(context.RequestAborted))["returnUrl"].ToString();
                    return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(returnUrl) }, [SingleSignOn.Scheme]);
                })
                .AllowAnonymous()
                .WithMetadata(new RequireAntiforgeryTokenAttribute())
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}
