using System.Globalization;
using Dashboard.Ranges;
using Dashboard.Web.Components.Formatting;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// The time-range control: presets (1h … 30d) or a custom range typed in ISO form with the time of day. It only
/// proposes a range; the page puts it in the URL, so the range is shared by links, survives a reload, and each
/// change is one history entry.
/// </summary>
public sealed partial class RangePicker
{
    public const string Custom = "custom";

    /// <summary>How a custom bound is shown and typed: ISO 8601 to the minute, with a space for readability.</summary>
    public const string InputFormat = "yyyy-MM-dd HH:mm";

    /// <summary>A new custom range starts as the last day up to now, which always has data if anything ran.</summary>
    public static readonly TimeSpan DefaultCustomLength = TimeSpan.FromHours(24);

    public static readonly IReadOnlyList<string> Presets = ["1h", "6h", "24h", "7d", "30d"];

    private static readonly string[] InputFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    private RangeSelection? _shown;
    private DisplayFormat? _shownIn;
    private string _from = "";
    private string _to = "";
    private string? _error;

    [Inject]
    public required TimeProvider Time { get; init; }

    /// <summary>The selected range: a preset, or custom start and end instants.</summary>
    [Parameter, EditorRequired]
    public required RangeSelection Value { get; set; }

    [Parameter, EditorRequired]
    public required EventCallback<RangeSelection> ValueChanged { get; set; }

    private string Selected => Value.IsCustom ? Custom : Value.Preset ?? RangeSelection.DefaultPreset;

    /// <summary>The viewer's zone: bounds are shown and typed in it, while the URL keeps UTC instants.</summary>
    [CascadingParameter]
    public DisplayFormat Format { get; set; } = DisplayFormat.Utc;

    /// <summary>The URL's instant as the inputs show it in <paramref name="zone"/>; a relative bound ("now", "6h") is shown as written.</summary>
    public static string Display(string? bound, TimeZoneInfo zone) =>
        bound is not null && bound.Contains('-', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(bound, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, zone).ToString(InputFormat, CultureInfo.InvariantCulture)
            : bound ?? "";

    /// <summary>
    /// A bound typed as a wall-clock time in <paramref name="zone"/>, as the URL carries it: an ISO instant in UTC, or
    /// a relative bound passed through.
    /// </summary>
    public static string ToQuery(string typed, TimeZoneInfo zone)
    {
        var text = typed.Trim();
        // A time the zone skips (a spring-forward hour) names no instant: it stays as typed, and the range check says so.
        return DateTime.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && !zone.IsInvalidTime(at)
            ? Iso(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), zone))
            : text;
    }

    protected override void OnParametersSet()
    {
        // The page re-renders on every poll: only a new range (or zone) may replace what the viewer is typing.
        if (Value == _shown && Format == _shownIn)
        {
            return;
        }

        (_shown, _shownIn) = (Value, Format);
        _error = null;
        if (Value.IsCustom)
        {
            (_from, _to) = (Display(Value.Start, Format.Zone), Display(Value.End, Format.Zone));
        }
    }

    private Task SelectPresetAsync(string preset)
    {
        if (preset != Custom)
        {
            return ValueChanged.InvokeAsync(RangeSelection.Of(preset));
        }

        var end = TruncateToMinute(Time.GetUtcNow().UtcDateTime);
        return ValueChanged.InvokeAsync(RangeSelection.Between(Iso(end - DefaultCustomLength), Iso(end)));
    }

    private Task ApplyCustomAsync()
    {
        var (start, end) = (ToQuery(_from, Format.Zone), ToQuery(_to, Format.Zone));
        if (!TimeRange.TryParse(start, end, Time.GetUtcNow(), out _, out var error))
        {
            _error = error;
            return Task.CompletedTask;
        }

        _error = null;
        var range = RangeSelection.Between(start, end);
        return range == Value ? Task.CompletedTask : ValueChanged.InvokeAsync(range);
    }

    private static DateTime TruncateToMinute(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    private static string Iso(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
