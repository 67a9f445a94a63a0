namespace Dashboard.Web.Auth;

/// <summary>
/// The authorization policies of DESIGN.md's "Identity and access" table. Every endpoint group and page names one where
/// it is mapped or declared; the fallback policy refuses whatever names none.
/// </summary>
public static class Policies
{
    /// <summary>Dashboard pages and every read of the API: viewers, admins, <c>read</c>/<c>admin</c> keys; anonymous visitors when <c>AnonymousAccess</c> is <c>Viewer</c>.</summary>
    public const string Viewer = nameof(Viewer);

    /// <summary>The sessions page and <c>/sessions</c>: signed-in viewers (masked) and admins; never anonymous.</summary>
    public const string Sessions = nameof(Sessions);

    /// <summary>Acknowledging alerts, changing rules, users, keys, the audit trail: admins and <c>admin</c> keys.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>A person's own account (<c>/account</c>, signing out): anyone signed in with a cookie, never a key.</summary>
    public const string Person = nameof(Person);

    /// <summary><c>/track</c> and <c>/track/batch</c>: <c>ingest</c> keys only.</summary>
    public const string Ingest = nameof(Ingest);

    /// <summary>The Prometheus scrape at <c>/metrics</c>: admins, <c>metrics</c>/<c>admin</c> keys; anyone when <c>Dashboard:Metrics:AllowAnonymous</c>.</summary>
    public const string Metrics = nameof(Metrics);
}
