using System.Globalization;
using Dashboard.Ranges;

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

    /// <summary>The URL's instant as the inputs show it; a relative bound ("now", "6h") is shown as written.</summary>
    public static string Display(string? bound) =>
        bound is not null && bound.Contains('-', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(bound, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString(InputFormat, CultureInfo.InvariantCulture)
            : bound ?? "";

    /// <summary>A typed bound as the URL carries it: an ISO instant in UTC, or a relative bound passed through.</summary>
    public static string ToQuery(string typed)
    {
        var text = typed.Trim();
        return DateTime.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? Iso(at)
            : text;
    }

    protected override void OnParametersSet()
    {
        // The page re-renders on every poll: only a new range may replace what the viewer is typing.
        if (Value == _shown)
        {
            return;
        }

        _shown = Value;
        _error = null;
        if (Value.IsCustom)
        {
            (_from, _to) = (Display(Value.Start), Display(Value.End));
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
        var (start, end) = (ToQuery(_from), ToQuery(_to));
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
