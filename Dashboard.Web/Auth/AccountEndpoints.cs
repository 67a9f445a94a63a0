using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Web.Auth;

/// <summary><c>POST /logout</c>: the app bar's sign-out form (a circuit cannot clear a cookie, a form post can).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/logout", async (SignInManager<DashboardUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/login");
            })
            .RequireAuthorization(Policies.Person)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return endpoints;
    }
}
