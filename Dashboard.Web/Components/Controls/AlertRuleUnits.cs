using Dashboard.Core.Alerts;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// A rule's threshold in the unit people think in: the error rate is stored as a share of requests (0.05) and edited
/// as a percentage (5); the others are stored as shown.
/// </summary>
public static class AlertRuleUnits
{
    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.HighErrorRate or AlertKind.HighCpu or AlertKind.HighMemory or AlertKind.HighDbConnections => "%",
        AlertKind.HighResponseTime => "ms",
        _ => "users",
    };

    // Rounded: 0.07 * 100 is 7.000000000000001 in binary floating point.
    public static double Shown(AlertRule rule) => rule.Kind == AlertKind.HighErrorRate ? Math.Round(rule.Threshold * 100, 6) : rule.Threshold;

    public static double Stored(AlertKind kind, double shown) => kind == AlertKind.HighErrorRate ? shown / 100 : shown;
}
