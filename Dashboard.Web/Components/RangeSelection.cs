using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Components;

/// <summary>
/// The time range a page shows, as its URL carries it: a preset (<c>?range=7d</c>) or custom instants
/// (<c>?start=…&amp;end=…</c>), in the same syntax the API and CLI take.
/// </summary>
public sealed record RangeSelection(string? Preset, string? Start, string? End)
{
    public const string DefaultPreset = "24h";

    public static readonly RangeSelection Default = Of(DefaultPreset);

    public bool IsCustom => Preset is null;

    /// <summary>The start and end to hand to the time-range parser.</summary>
    public (string Start, string End) Bounds => IsCustom ? (Start ?? DefaultPreset, End ?? "now") : (Preset!, "now");

    public static RangeSelection Of(string preset) => new(preset, null, null);

    public static RangeSelection Between(string start, string end) => new(null, start, end);

    /// <summary>A custom range between two instants, to the second, as the URL carries it.</summary>
    public static RangeSelection Between(DateTimeOffset start, DateTimeOffset end) => Between(Iso(start), Iso(end));

    private static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>From the page's query parameters; custom instants win over a preset, nothing means the default.</summary>
    public static RangeSelection FromQuery(string? range, string? start, string? end) =>
        !string.IsNullOrEmpty(start) ? Between(start, string.IsNullOrEmpty(end) ? "now" : end)
        : !string.IsNullOrEmpty(range) ? Of(range)
        : Default;

    /// <summary>Adds this range to a dashboard path, leaving the default out so plain links stay plain.</summary>
    public string AppendTo(string path) =>
        this == Default ? path
        : IsCustom ? QueryHelpers.AddQueryString(path, new Dictionary<string, string?> { ["start"] = Start, ["end"] = End })
        : QueryHelpers.AddQueryString(path, "range", Preset!);
}
