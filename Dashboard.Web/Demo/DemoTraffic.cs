using Dashboard.Core.Tracking;

namespace Dashboard.Web.Demo;

/// <summary>
/// A population of made-up users who log in, move between modules, send heartbeats and log out, with a load that
/// swells and ebbs over an hour, so that the dashboard shows something alive on a first run.
/// </summary>
public sealed class DemoTraffic(int baseUsers, Random random)
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(20);

    /// <summary>How made-up users and sessions are named, so that real API traffic mixed in can be told apart.</summary>
    public const string UserPrefix = "demo-user-";

    public const string SessionPrefix = "demo-session-";

    private static readonly (string Module, int Weight)[] Modules =
        [("accounting", 30), ("bookkeeping", 22), ("tax", 15), ("invoicing", 14), ("payroll", 11), ("reports", 8)];

    private static readonly string[] Organizations =
    [
        "acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell", "cyberdyne",
        "soylent", "aperture", "gringotts", "oscorp", "vandelay", "dunder-mifflin",
    ];

    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
    ];

    private readonly List<DemoUser> _online = [];
    private int _nextUser;

    /// <summary>The activities to send at <paramref name="now"/>: logins, heartbeats due, module changes, logouts.</summary>
    public IReadOnlyList<ActivityEvent> Step(DateTimeOffset now)
    {
        var activities = new List<ActivityEvent>();
        var target = TargetUsers(now);
        while (_online.Count < target)
        {
            var user = NewUser(now);
            _online.Add(user);
            activities.Add(user.Heartbeat());
        }

        while (_online.Count > target)
        {
            var leaving = _online[random.Next(_online.Count)];
            _online.Remove(leaving);
            activities.Add(leaving.Heartbeat() with { IsActive = false });
        }

        foreach (var user in _online.Where(user => user.NextHeartbeat <= now))
        {
            if (random.NextDouble() < 0.1)
            {
                user.Module = PickModule();
            }

            user.NextHeartbeat = now + Jitter(HeartbeatInterval);
            activities.Add(user.Heartbeat());
        }

        return activities;
    }

    // Busiest at the half hour, quietest on the hour, with a little noise.
    private int TargetUsers(DateTimeOffset now)
    {
        var phase = now.TimeOfDay.TotalMinutes % 60 / 60 * 2 * Math.PI;
        var load = 1.5 - 0.5 * Math.Cos(phase);
        return (int)(baseUsers * load * (0.95 + 0.1 * random.NextDouble()));
    }

    private DemoUser NewUser(DateTimeOffset now)
    {
        var id = _nextUser++;
        // A few organizations are much bigger than the rest, as on a real platform.
        var organization = Organizations[(int)(Organizations.Length * Math.Pow(random.NextDouble(), 2))];
        return new DemoUser(
            $"{UserPrefix}{id % (baseUsers * 3)}", organization, $"{SessionPrefix}{id}", PickModule(),
            Agents[random.Next(Agents.Length)], $"10.0.{random.Next(256)}.{random.Next(1, 255)}")
        {
            NextHeartbeat = now + Jitter(HeartbeatInterval),
        };
    }

    private string PickModule()
    {
        var roll = random.Next(Modules.Sum(module => module.Weight));
        foreach (var (module, weight) in Modules)
        {
            if (roll < weight)
            {
                return module;
            }

            roll -= weight;
        }

        return Modules[0].Module;
    }

    private TimeSpan Jitter(TimeSpan interval) => interval * (0.75 + 0.5 * random.NextDouble());

    private sealed class DemoUser(string userId, string organizationId, string sessionId, string module, string agent, string ip)
    {
        public string Module { get; set; } = module;

        public DateTimeOffset NextHeartbeat { get; set; }

        public ActivityEvent Heartbeat() => new()
        {
            UserId = userId,
            OrganizationId = organizationId,
            SessionId = sessionId,
            ModuleId = Module,
            UserAgent = agent,
            IpAddress = ip,
        };
    }
}
