using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Cli;

/// <summary>Durations on the command line: <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>, or a bare number of seconds.</summary>
internal static partial class DurationSyntax
{
    public const string Help = "use a duration such as 500ms, 30s, 2m or 1h";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (Pattern().Match(text.Trim()) is not { Success: true } match)
        {
            return false;
        }

        var amount = double.Parse(match.Groups["amount"].ValueSpan, CultureInfo.InvariantCulture);
        duration = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return true;
    }

    [GeneratedRegex(@"^(?<amount>\d{1,7}(\.\d{1,3})?)(?<unit>ms|s|m|h|MS|S|M|H)?$")]
    private static partial Regex Pattern();
}
