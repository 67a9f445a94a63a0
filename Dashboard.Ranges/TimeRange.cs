using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Ranges;

/// <summary>
/// A span of server time [Start, End) that history is asked about. <see cref="TryParse"/> is the one parser of the
/// API's and the CLI's start/end arguments.
/// </summary>
public readonly partial record struct TimeRange
{
    public const int MaxYears = 5;

    /// <summary>The earliest instant a range may reach back to: no history of this product is older.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past now a range may reach: clocks differ, but not by more than this.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>The range when no start is given: the hour before the end.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    public TimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (start >= end)
        {
            throw new ArgumentException($"A time range must start ({start:O}) before it ends ({end:O}).", nameof(start));
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Length => End - Start;

    /// <summary>The period of equal length just before this one, which a trend's change is measured against.</summary>
    public TimeRange Previous => new(Start - Length, Start);

    /// <summary>
    /// Reads a range from user input. Each bound is "now", a relative time back from now ("90m", "24h", "7d", "2w",
    /// "30s", also written "now-24h"), or an ISO-8601 instant ("2026-01-15T10:30:00Z"; without an offset it is UTC;
    /// a date alone is its midnight UTC). A missing end is now; a missing start is <see cref="DefaultLength"/> before
    /// the end. The start must come before the end, the range may span at most <see cref="MaxYears"/> years, and both
    /// bounds lie between <see cref="Earliest"/> and <see cref="MaxAhead"/> past now.
    /// </summary>
    /// <param name="error">Empty on success; otherwise one sentence naming the bad argument and what is accepted.</param>
    public static bool TryParse(string? start, string? end, DateTimeOffset now, out TimeRange range, out string error)
    {
        range = default;
        if (!TryParseInstant("end", end, now, out var endAt, out error))
        {
            return false;
        }

        DateTimeOffset startAt;
        if (string.IsNullOrWhiteSpace(start))
        {
            startAt = endAt - DefaultLength < Earliest ? Earliest : endAt - DefaultLength;
        }
        else if (!TryParseInstant("start", start, now, out startAt, out error))
        {
            return false;
        }

        if (startAt >= endAt)
        {
            error = $"start ({startAt:O}) must be before end ({endAt:O}).";
            return false;
        }

        if (startAt < endAt.AddYears(-MaxYears))
        {
            error = $"The range from {startAt:O} to {endAt:O} is longer than {MaxYears} years; ask for a shorter one.";
            return false;
        }

        range = new TimeRange(startAt, endAt);
        return true;
    }

    private static bool TryParseInstant(string name, string? text, DateTimeOffset now, out DateTimeOffset value, out string error)
    {
        error = "";
        value = now.ToUniversalTime();
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var relative = RelativePattern().Match(trimmed);
        if (relative.Success)
        {
            var amount = long.Parse(relative.Groups["amount"].ValueSpan, CultureInfo.InvariantCulture);
            var unit = UnitOf(relative.Groups["unit"].Value);
            // Compared before subtracting, so that no amount can overflow the calendar.
            if (value < Earliest || amount > (value - Earliest).Ticks / unit.Ticks)
            {
                error = OutOfSpan(name, text, now);
                return false;
            }

            value -= unit * amount;
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            if (value >= Earliest && value <= now + MaxAhead)
            {
                return true;
            }

            error = OutOfSpan(name, text, now);
            return false;
        }

        error = $"{name} \"{text}\" is not a time: use \"now\", a relative time such as 90m, 24h or 7d, " +
            "or an ISO-8601 instant such as 2026-01-15T10:30:00Z.";
        return false;
    }

    private static string OutOfSpan(string name, string? text, DateTimeOffset now) =>
        $"{name} \"{text}\" is outside the times history can hold: from {Earliest:yyyy-MM-dd} to a day from now ({(now + MaxAhead).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).";

    private static TimeSpan UnitOf(string unit) => unit.ToUpperInvariant() switch
    {
        "S" => TimeSpan.FromSeconds(1),
        "M" => TimeSpan.FromMinutes(1),
        "H" => TimeSpan.FromHours(1),
        "D" => TimeSpan.FromDays(1),
        _ => TimeSpan.FromDays(7),
    };

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    [GeneratedRegex(@"^(?:now\s*-\s*)?(?<amount>\d{1,9})\s*(?<unit>[smhdwSMHDW])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
