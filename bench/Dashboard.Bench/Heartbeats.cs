using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Tracking;

namespace Dashboard.Bench;

/// <summary>
/// The synthetic population: user i has one session, one module, one organization, one of a few real browsers'
/// user agents (about 110 characters) and an IPv4 address. The same user always gets the same values, so the
/// HTTP figures update existing sessions as real heartbeats do.
/// </summary>
internal sealed class Heartbeats(int modules, int usersPerOrganization)
{
    private static readonly string[] ModuleNames =
    [
        "accounting", "payroll", "tax", "inventory", "crm", "invoicing", "purchasing", "hr", "reporting", "banking",
        "expenses", "projects", "timesheets", "assets", "budgeting", "compliance", "documents", "sales", "support", "admin",
    ];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0 (compatible; corporate build 2024.11)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 (Ubuntu 22.04 LTS)",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148",
        "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
    ];

    public static double AverageUserAgentLength => UserAgents.Average(agent => agent.Length);

    public int Modules => modules;

    public int OrganizationsFor(int users) => Math.Max(1, users / usersPerOrganization);

    public ActivityEvent Activity(int user, int users) => Activity(user, users, OrganizationsFor(users));

    public ActivityEvent Activity(int user, int users, int organizations) => new()
    {
        UserId = UserId(user),
        SessionId = SessionId(user),
        ModuleId = ModuleNames[Mix(user, 1) % (uint)Math.Min(modules, ModuleNames.Length)],
        OrganizationId = "org-" + (Mix(user, 2) % (uint)organizations).ToString("D5", CultureInfo.InvariantCulture),
        UserAgent = UserAgents[Mix(user, 3) % (uint)UserAgents.Length],
        IpAddress = string.Create(CultureInfo.InvariantCulture, $"10.{(user >> 16) & 255}.{(user >> 8) & 255}.{user & 255}"),
    };

    /// <summary>The track API's JSON body of an activity.</summary>
    public static void WriteJson(Utf8JsonWriter writer, ActivityEvent activity)
    {
        writer.WriteStartObject();
        writer.WriteString("userId", activity.UserId);
        writer.WriteString("organizationId", activity.OrganizationId);
        writer.WriteString("sessionId", activity.SessionId);
        writer.WriteString("moduleId", activity.ModuleId);
        writer.WriteString("userAgent", activity.UserAgent);
        writer.WriteString("ipAddress", activity.IpAddress);
        writer.WriteEndObject();
    }

    public static byte[] Json(ActivityEvent activity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, activity);
        }

        return buffer.ToArray();
    }

    public static byte[] BatchJson(IEnumerable<ActivityEvent> activities)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                WriteJson(writer, activity);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string UserId(int user) => "user-" + user.ToString("D7", CultureInfo.InvariantCulture);

    // A session id as a platform's session cookie would give it: 20 characters that look random.
    private static string SessionId(int user) =>
        "s-" + ((ulong)Mix(user, 4) << 32 | Mix(user, 5)).ToString("x16", CultureInfo.InvariantCulture)[..16] + "-w1";

    // A fixed integer hash (no Random, no string.GetHashCode): every run gets the same population.
    private static uint Mix(int value, uint salt)
    {
        var x = (uint)value * 0x9E3779B1u ^ salt * 0x85EBCA77u;
        x ^= x >> 15;
        x *= 0x2C1B3C6Du;
        x ^= x >> 12;
        x *= 0x297A2D39u;
        x ^= x >> 15;
        return x;
    }
}
