namespace Dashboard.Web.Auth;

/// <summary>The roles a person (or a key, through its scopes) holds. An admin may do everything a viewer may.</summary>
public static class DashboardRoles
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Admin];
}
