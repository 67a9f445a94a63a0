using System.Globalization;
using Dashboard.Client;

namespace Dashboard.Cli.Load;

/// <summary>One simulated user: one session in one organization, in one module at a time.</summary>
internal sealed class SimulatedUser(string runId, int index, string organizationId, string moduleId, string userAgent, string ipAddress)
{
    public string UserId { get; } = $"load-{runId}-user-{index.ToString(CultureInfo.InvariantCulture)}";

    public string SessionId { get; } = $"load-{runId}-session-{index.ToString(CultureInfo.InvariantCulture)}";

    public string OrganizationId => organizationId;

    public string ModuleId { get; set; } = moduleId;

    /// <summary>Whether the session has sent its first heartbeat (so it has something to end).</summary>
    public bool HasStarted { get; private set; }

    public UserActivity Heartbeat()
    {
        HasStarted = true;
        return Activity(isActive: true);
    }

    public UserActivity End() => Activity(isActive: false);

    private UserActivity Activity(bool isActive) => new(UserId, organizationId, SessionId, ModuleId)
    {
        UserAgent = userAgent,
        IpAddress = ipAddress,
        IsActive = isActive,
    };
}
