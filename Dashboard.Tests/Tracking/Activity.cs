using Dashboard.Core.Tracking;

namespace Dashboard.Tests.Tracking;

/// <summary>Builds activities for tests; every field valid unless a test says otherwise.</summary>
internal static class Activity
{
    public static ActivityEvent Of(
        string user, string session, string module = "accounting", string organization = "org-1", bool active = true) =>
        new()
        {
            UserId = user,
            SessionId = session,
            ModuleId = module,
            OrganizationId = organization,
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
            IpAddress = "192.168.1.1",
            IsActive = active,
        };
}
