using Dashboard.Core.Alerts;
using Dashboard.Web.Components.Formatting;

namespace Dashboard.Web.Components;

/// <summary>
/// An alert in words an admin reads at a glance: "Error rate 9.1% > 5%", "for 12 min", "module tax", in the units its
/// rule measures (error rate is a share of requests, CPU, memory and DB connections are percentages, P95 is ms).
/// </summary>
public static class AlertText
{
    public static string Title(AlertRecord alert)
    {
        var kind = Kind(alert.AlertType);
        return $"{Name(kind, alert.AlertType)} {Value(kind, alert.Value)} > {Value(kind, alert.Threshold)}";
    }

    public static string Name(string alertType) => Name(Kind(alertType), alertType);

    /// <summary>How long an alert has been (or was) open: "for 45 s", "for 12 min", "for 2 h 5 min".</summary>
    public static string Duration(AlertRecord alert, DateTimeOffset now)
    {
        var length = (alert.ResolvedAt ?? now) - alert.TriggeredAt;
        return "for " + Span(length < TimeSpan.Zero ? TimeSpan.Zero : length);
    }

    public static string Span(TimeSpan length) => length switch
    {
        { TotalMinutes: < 1 } => $"{(int)length.TotalSeconds} s",
        { TotalHours: < 1 } => $"{(int)length.TotalMinutes} min",
        { TotalDays: < 1 } => length.Minutes == 0 ? $"{(int)length.TotalHours} h" : $"{(int)length.TotalHours} h {length.Minutes} min",
        _ => $"{(int)length.TotalDays} d {length.Hours} h",
    };

    /// <summary>Where it fired, in words: "everywhere", "module tax", "organization acme".</summary>
    public static string ScopeName(string scope) => AlertScope.Parse(scope) switch
    {
        { Id: null } => "everywhere",
        var parsed => $"{parsed.Kind} {parsed.Id}",
    };

    /// <summary>The page that shows the scope, so the strip and the alerts page link to where to look.</summary>
    public static string ScopeUrl(string scope) => AlertScope.Parse(scope) switch
    {
        { Kind: "module", Id: { } id } => DashboardUrls.Module(id),
        { Kind: "organization", Id: { } id } => DashboardUrls.Organization(id),
        _ => "/",
    };

    private static AlertKind? Kind(string alertType) =>
        Enum.GetValues<AlertKind>().Select(kind => (AlertKind?)kind).FirstOrDefault(kind => AlertRule.TypeName(kind!.Value) == alertType);

    private static string Name(AlertKind? kind, string alertType) => kind switch
    {
        AlertKind.HighConcurrency => "Concurrent users",
        AlertKind.HighErrorRate => "Error rate",
        AlertKind.HighResponseTime => "P95 response time",
        AlertKind.HighCpu => "CPU",
        AlertKind.HighMemory => "Memory",
        AlertKind.HighDbConnections => "DB connections",
        _ => alertType,
    };

    private static string Value(AlertKind? kind, double value) => kind switch
    {
        AlertKind.HighErrorRate => DisplayFormat.Percent(value),
        AlertKind.HighResponseTime => DisplayFormat.Milliseconds(value),
        AlertKind.HighCpu or AlertKind.HighMemory or AlertKind.HighDbConnections => DisplayFormat.Percentage(value),
        AlertKind.HighConcurrency => DisplayFormat.Count(value),
        _ => DisplayFormat.Figure(value),
    };
}
