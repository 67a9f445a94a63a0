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
        if (context.Principal is null || await IsCurrentAsync(context.Principal, context.HttpContext.RequestServices))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Whether the person a sign-in cookie names still exists, is enabled and has the stamp it was issued with.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        // A person the provider signed in is stored nowhere here: their cookie stands until it expires or they sign out.
        // Keys and anonymous viewers carry no stamp: nothing here to re-check.
        if (principal.HasClaim(claim => claim.Type == SingleSignOn.SubjectClaim)
            || principal.FindFirstValue(claims.SecurityStampClaimType) is not { } stamp)
        {
            return true;
        }

        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        var user = principal.FindFirstValue(claims.UserIdClaimType) is { } id ? await users.FindByIdAsync(id) : null;
        return user is { IsDisabled: false } && user.SecurityStamp == stamp;
    }
}
