using Dashboard.Data.Audit;

namespace Dashboard.Web.Auth;

/// <summary>The audit trail's actor for a request: the signed-in person or key, and the client's address.</summary>
public static class AuditActors
{
    public static AuditActor Of(HttpContext http) =>
        new(http.User.Identity?.Name ?? "anonymous", http.Connection.RemoteIpAddress?.ToString());
}
