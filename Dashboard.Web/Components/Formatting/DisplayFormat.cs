using System.Globalization;

namespace Dashboard.Web.Components.Formatting;

/// <summary>
/// Every number and date the dashboard shows, formatted one way: one culture (invariant, so a figure reads the same
/// on every machine), ISO dates, and times in the zone this viewer chose: their browser's, or UTC. The layout
/// cascades the viewer's instance; a component outside it (or before the browser said its zone) shows UTC.
/// </summary>
public sealed class DisplayFormat
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static readonly DisplayFormat Utc = new(TimeZoneInfo.Utc);

    public DisplayFormat(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    public bool IsUtc => Zone == TimeZoneInfo.Utc;

    /// <summary>What the times are in, for headings and hints: "UTC" or the browser's zone ("Europe/Paris").</summary>
    public string ZoneName => IsUtc ? "UTC" : Zone.Id;

    /// <summary>The viewer's wall-clock time of an instant.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>"2026-12-01 14:05:09".</summary>
    public string DateTime(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm:ss", Culture);

    /// <summary>"2026-12-01 14:05".</summary>
    public string Minute(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", Culture);

    /// <summary>"14:05:09".</summary>
    public string Time(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", Culture);

    /// <summary>A count: "12,345".</summary>
    public static string Count(double value) => value.ToString("#,0", Culture);

    /// <summary>A measure to one decimal: "3.5".</summary>
    public static string OneDecimal(double value) => value.ToString("#,0.#", Culture);

    /// <summary>A share (0.091) as a percentage: "9.1%".</summary>
    public static string Percent(double ratio) => Percentage(ratio * 100);

    /// <summary>A value already in percent (CPU 73.25) as "73.3%".</summary>
    public static string Percentage(double percent) => percent.ToString("0.#", Culture) + "%";

    /// <summary>A change in percent with its sign: "+12.5%", "-3%", "0%".</summary>
    public static string Change(double percent) => percent.ToString("+0.#;-0.#;0", Culture) + "%";

    /// <summary>A duration in milliseconds: "1,250 ms".</summary>
    public static string Milliseconds(double value) => Count(value) + " ms";

    /// <summary>A rule's threshold or other free figure: up to two decimals, "0.05".</summary>
    public static string Figure(double value) => value.ToString("0.##", Culture);
}
