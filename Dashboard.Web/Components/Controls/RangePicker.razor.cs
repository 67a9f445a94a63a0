using System.Globalization;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// The time-range picker: presets (1h … 30d) or custom dates. It only proposes a range; the page puts it in the
/// URL, so the range is shared by links and survives a reload.
/// </summary>
public sealed partial class RangePicker
{
    public const string Custom = "custom";

    public static readonly IReadOnlyList<string> Presets = ["1h", "6h", "24h", "7d", "30d"];

    private DateRange _customDates = new();

    [Inject]
    public required TimeProvider Time { get; init; }

    /// <summary>The selected range: a preset, or custom start and end instants.</summary>
    [Parameter, EditorRequired]
    public required RangeSelection Value { get; set; }

    [Parameter, EditorRequired]
    public required EventCallback<RangeSelection> ValueChanged { get; set; }

    private string Selected => Value.IsCustom ? Custom : Value.Preset ?? RangeSelection.DefaultPreset;

    protected override void OnParametersSet()
    {
        if (Value.IsCustom)
        {
            _customDates = new DateRange(ParseDate(Value.Start), ParseDate(Value.End)?.AddDays(-1));
        }
    }

    private Task SelectPresetAsync(string preset) =>
        preset == Custom
            ? ValueChanged.InvokeAsync(RangeSelection.Between(DateToday(-1), DateToday(0)))
            : ValueChanged.InvokeAsync(RangeSelection.Of(preset));

    // A custom range covers whole UTC days, the end day included.
    private Task SelectCustomAsync(DateRange dates)
    {
        _customDates = dates;
        if (dates.Start is not { } start || dates.End is not { } end)
        {
            return Task.CompletedTask;
        }

        return ValueChanged.InvokeAsync(RangeSelection.Between(Iso(start), Iso(end.AddDays(1))));
    }

    private string DateToday(int days) => Iso(Time.GetUtcNow().UtcDateTime.Date.AddDays(days));

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);

    private static DateTime? ParseDate(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime.Date
            : null;
}
