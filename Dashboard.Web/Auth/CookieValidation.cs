using System.Security.Claims;
using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Checks a sign-in cookie against the person as stored, at every request that carries one: a person who was
/// disabled, removed, demoted or given a new password (each changes the security stamp) is signed out at their next
/// request rather than when the cookie expires. One lookup by primary key; keys, the hot path, never come here.
/// Identity's own SecurityStampValidator would also re-issue the cookie on each check, which this does not need.
/// </summary>
public static class CookieValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        // A person the provider signed in is stored nowhere here: their cookie stands until it expires or they sign out.
        if (principal?.HasClaim(claim => claim.Type == SingleSignOn.SubjectClaim) == true)
        {
            return;
        }

        var user = principal?.FindFirstValue(claims.UserIdClaimType) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is { IsDisabled: false } && user.SecurityStamp == principal!.FindFirstValue(claims.SecurityStampClaimType))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
