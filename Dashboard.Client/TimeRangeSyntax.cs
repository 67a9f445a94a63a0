using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Client;

/// <summary>
/// The time-range syntax of the history reads: <c>now</c>, a relative <c>90m</c>, <c>24h</c> or <c>7d</c> (that long
/// before now), or an ISO-8601 instant. Checked on the caller's side so a bad range is refused before any call.
/// </summary>
public static partial class TimeRangeSyntax
{
    public const int MaxYears = 5;

    public const string Help = "use now, a relative time such as 90m, 24h or 7d, or an ISO-8601 instant such as 2024-01-15T10:30:00Z";

    /// <summary>The instant <paramref name="value"/> names, read against <paramref name="now"/>.</summary>
    public static bool TryResolve(string value, DateTimeOffset now, out DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(value);
        instant = default;
        var text = value.Trim();
        if (string.Equals(text, "now", StringComparison.OrdinalIgnoreCase))
        {
            instant = now;
            return true;
        }

        if (RelativePattern().Match(text) is { Success: true } relative)
        {
            var amount = int.Parse(relative.Groups["amount"].ValueSpan, CultureInfo.InvariantCulture);
            instant = char.ToLowerInvariant(relative.Groups["unit"].Value[0]) switch
            {
                'm' => now.AddMinutes(-amount),
                'h' => now.AddHours(-amount),
                _ => now.AddDays(-amount),
            };
            return true;
        }

        // DateTimeOffset.TryParse alone also takes culture formats such as "1/2/2024"; an instant here starts with a date.
        return IsoDatePattern().IsMatch(text) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    /// <summary>Why <paramref name="start"/>..<paramref name="end"/> is not a valid range, or null when it is.</summary>
    public static string? Validate(string start, string end, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        if (!TryResolve(start, now, out var from))
        {
            return $"--start \"{start}\" is not a time: {Help}.";
        }

        if (!TryResolve(end, now, out var to))
        {
            return $"--end \"{end}\" is not a time: {Help}.";
        }

        if (from >= to)
        {
            return $"--start ({start}) must be before --end ({end}).";
        }

        return from < to.AddYears(-MaxYears) ? $"The range {start} to {end} is longer than {MaxYears} years." : null;
    }

    [GeneratedRegex(@"^(?<amount>\d{1,6})(?<unit>[mhdMHD])$")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDatePattern();
}
