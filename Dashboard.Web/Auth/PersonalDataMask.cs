using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Dashboard.Core.Tracking;

namespace Dashboard.Web.Auth;

/// <summary>
/// What a viewer sees of a session's personal data: the network, not the address (<c>203.0.113.x</c>), and the
/// browser's product, not its full user agent. Admins see everything.
/// </summary>
public static class PersonalDataMask
{
    public static bool AppliesTo(ClaimsPrincipal user) => !user.IsInRole(DashboardRoles.Admin);

    public static ActiveSession Apply(ActiveSession session) =>
        session with { IpAddress = IpAddress(session.IpAddress), UserAgent = UserAgent(session.UserAgent) };

    public static string? IpAddress(string? address)
    {
        if (!IPAddress.TryParse(address, out var parsed))
        {
            return address is null ? null : "x";
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = parsed.GetAddressBytes();
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.x";
        }

        // IPv6: the /48 a site is usually given, the rest hidden.
        var groups = parsed.ToString().Split(':');
        return string.Join(':', groups.Take(3)) + ":x";
    }

    public static string? UserAgent(string? userAgent) =>
        userAgent is null ? null : userAgent.Split(' ', 2)[0] + (userAgent.Contains(' ', StringComparison.Ordinal) ? " …" : "");
}
