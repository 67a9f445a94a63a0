using System.Security.Claims;
using Dashboard.Web.Auth;

namespace Dashboard.Tests.Auth;

public sealed class OidcRoleMapTests
{
    private static readonly OidcRoleMap Map = new(new OidcOptions
    {
        RoleClaim = "groups",
        AdminValues = "dash-admins, ops",
        ViewerValues = "dash-viewers",
    });

    [Fact]
    public void RoleOf_AnAdminValue_IsAdmin() => Assert.Equal(DashboardRoles.Admin, Map.RoleOf(Person(("groups", "ops"))));

    [Fact]
    public void RoleOf_AViewerValue_IsViewer() => Assert.Equal(DashboardRoles.Viewer, Map.RoleOf(Person(("groups", "dash-viewers"))));

    [Fact]
    public void RoleOf_ViewerAndAdminValues_IsAdmin() =>
        Assert.Equal(DashboardRoles.Admin, Map.RoleOf(Person(("groups", "dash-viewers"), ("groups", "dash-admins"))));

    [Fact]
    public void RoleOf_ValuesDifferingInCase_Match() => Assert.Equal(DashboardRoles.Admin, Map.RoleOf(Person(("groups", "DASH-Admins"))));

    [Fact]
    public void RoleOf_NoMappedValue_IsNone() => Assert.Null(Map.RoleOf(Person(("groups", "accounting"))));

    [Fact]
    public void RoleOf_MappedValueInAnotherClaim_IsNone() => Assert.Null(Map.RoleOf(Person(("roles", "dash-admins"))));

    [Fact]
    public void RoleOf_NoRoleClaim_IsNone() => Assert.Null(Map.RoleOf(Person(("sub", "1234"))));

    private static ClaimsPrincipal Person(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "oidc"));
}
