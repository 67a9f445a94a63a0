using Dashboard.Data.Identity;

namespace Dashboard.Web.Api.Contracts;

/// <summary>A person as admins see them; never a password or its hash.</summary>
public sealed record UserData(string UserName, string Role, bool Disabled, bool MustChangePassword, DateTimeOffset? LockedOutUntil)
{
    public static UserData From(DashboardUser user) =>
        new(user.UserName!, user.Role, user.IsDisabled, user.MustChangePassword, user.LockoutEnd);
}
