using System.Security.Claims;

namespace Dashboard.Web.Auth;

/// <summary>
/// The dashboard role of a person signed in by the provider, from the values of <see cref="OidcOptions.RoleClaim"/>:
/// admin when any value is an admin value, else viewer when any is a viewer value, else none (no access).
/// </summary>
public sealed class OidcRoleMap(OidcOptions options)
{
    private readonly HashSet<string> _admin = new(OidcOptions.Split(options.AdminValues), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _viewer = new(OidcOptions.Split(options.ViewerValues), StringComparer.OrdinalIgnoreCase);

    public string? RoleOf(ClaimsPrincipal person)
    {
        var values = ValuesOf(person);
        return values.Any(_admin.Contains) ? DashboardRoles.Admin
            : values.Any(_viewer.Contains) ? DashboardRoles.Viewer
            : null;
    }

    /// <summary>The role claim's values as the provider sent them (a JSON array arrives as one claim per value).</summary>
    public IReadOnlyList<string> ValuesOf(ClaimsPrincipal person) =>
        [.. person.FindAll(options.RoleClaim).Select(claim => claim.Value)];
}
