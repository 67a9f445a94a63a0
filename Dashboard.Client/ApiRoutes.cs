using System.Globalization;
using System.Text;

namespace Dashboard.Client;

/// <summary>The API's paths, relative to the dashboard's URL, with their query strings escaped.</summary>
public static class ApiRoutes
{
    public const string Prefix = "api/concurrent-users/";
    public const string Track = Prefix + "track";
    public const string TrackBatch = Prefix + "track/batch";
    public const string Current = Prefix + "current";
    public const string Health = Prefix + "health";
    public const string Realtime = Prefix + "realtime";

    public static string Metrics(int? top = null) => Query(Prefix + "metrics", ("top", Format(top)));

    public static string Module(string moduleId) => Prefix + "module/" + Uri.EscapeDataString(moduleId);

    public static string Organization(string organizationId) => Prefix + "organization/" + Uri.EscapeDataString(organizationId);

    public static string Peak(string start, string end, HistoryScope? scope = null) => History("peak", start, end, scope);

    public static string Average(string start, string end, HistoryScope? scope = null) => History("average", start, end, scope);

    public static string Trend(string start, string end, HistoryScope? scope = null) => History("trend", start, end, scope);

    public static string Performance(string start, string end, string? moduleId = null) =>
        Query(Prefix + "performance", ("start", start), ("end", end), ("module", moduleId));

    public static string Sessions(SessionFilter? filter = null, int? offset = null, int? limit = null) => Query(
        Prefix + "sessions",
        ("module", filter?.ModuleId),
        ("organization", filter?.OrganizationId),
        ("user", filter?.UserId),
        ("offset", Format(offset)),
        ("limit", Format(limit)));

    private static string History(string name, string start, string end, HistoryScope? scope) => Query(
        Prefix + name, ("start", start), ("end", end), ("module", scope?.ModuleId), ("organization", scope?.OrganizationId));

    private static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return url.ToString();
    }
}
