using Microsoft.AspNetCore.Identity;

namespace Dashboard.Data.Identity;

/// <summary>A person who signs in to the dashboard: ASP.NET Core Identity's user with the dashboard's role.</summary>
public sealed class DashboardUser : IdentityUser
{
    /// <summary><c>viewer</c> or <c>admin</c>: one role per person, so it is a column rather than Identity's role tables.</summary>
    public string Role { get; set; } = "viewer";

    /// <summary>Set for a password someone else chose (the generated first admin's, a reset): the next sign-in must replace it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled person cannot sign in; the row stays so the audit trail still names them.</summary>
    public bool IsDisabled { get; set; }
}
