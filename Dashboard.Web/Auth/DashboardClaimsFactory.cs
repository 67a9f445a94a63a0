using System.Security.Claims;
using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Puts a person's role into their sign-in cookie, or, while they must change their password first, only that.</summary>
public sealed class DashboardClaimsFactory(UserManager<DashboardUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser>(users, options)
{
    public const string MustChangePasswordClaim = "must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Until a password someone else chose is replaced, the person holds no role: only /account lets them in.
        identity.AddClaim(user.MustChangePassword ? new Claim(MustChangePasswordClaim, "true") : new Claim(ClaimTypes.Role, user.Role));

        return identity;
    }
}
