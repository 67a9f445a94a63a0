using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// A figure's colour against its alert rule's threshold, so a breach shows without reading the number: red past
/// it, amber within the last 10% below it (where a rule's alert would not yet resolve), green under that.
/// </summary>
public static class Threshold
{
    public const double WarningRatio = 0.9;

    public static Color ColorOf(double? value, double threshold) => value switch
    {
        null => Color.Default,
        var v when v > threshold => Color.Error,
        var v when v > threshold * WarningRatio => Color.Warning,
        _ => Color.Success,
    };

    /// <summary>The same as a CSS class (<c>mud-error-text</c> …) for a plain table cell.</summary>
    public static string TextClassOf(double? value, double threshold) => ColorOf(value, threshold) switch
    {
        Color.Error => "mud-error-text",
        Color.Warning => "mud-warning-text",
        _ => "",
    };
}
