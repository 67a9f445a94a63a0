namespace Dashboard.Web.Auth;

/// <summary>What a visitor who has not signed in may see.</summary>
public enum AnonymousAccess
{
    /// <summary>Nothing but the sign-in page, static assets and the health probes.</summary>
    None,

    /// <summary>The viewer's read-only dashboards and read API (a wall screen); never sessions.</summary>
    Viewer,
}
