using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Components;

/// <summary>
/// How the viewer watches, as the URL carries it beside the range: <c>?refresh=off|5s|30s|1m</c> (Grafana's syntax;
/// absent means every poll) and <c>?kiosk=1</c> (the wall screen). Unlike the range these follow the viewer from page
/// to page, so a bookmarked or shared link opens watching the same way.
/// </summary>
public sealed record ViewQuery(string? Refresh, bool Kiosk)
{
    public const string RefreshKey = "refresh";

    public const string KioskKey = "kiosk";

    public const string Off = "off";

    public static readonly ViewQuery None = new(null, false);

    public static ViewQuery FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query);
        var refresh = query.TryGetValue(RefreshKey, out var value) ? value.ToString() : null;
        return new(string.IsNullOrEmpty(refresh) ? null : refresh, query.TryGetValue(KioskKey, out var kiosk) && IsOn(kiosk.ToString()));
    }

    /// <summary><c>kiosk=1</c>, <c>kiosk=true</c> or a bare <c>kiosk</c> (as Grafana takes it) turn the wall mode on.</summary>
    public static bool IsOn(string? kiosk) => kiosk is not null && kiosk is not ("0" or "false");

    /// <summary>The refresh as the URL writes it: off when paused, nothing for the default (every poll).</summary>
    public static string? RefreshText(bool paused, TimeSpan? interval) =>
        paused ? Off
        : interval is not { } every ? null
        : every.TotalSeconds % 60 == 0 ? $"{(int)every.TotalMinutes}m"
        : $"{(int)every.TotalSeconds}s";

    /// <summary>Reads <see cref="Refresh"/>: paused, and the interval (null for every poll); false when it is not a refresh.</summary>
    public bool TryReadRefresh(out bool paused, out TimeSpan? interval)
    {
        (paused, interval) = (false, null);
        if (Refresh is null)
        {
            return true;
        }

        if (Refresh == Off)
        {
            paused = true;
            return true;
        }

        var unit = Refresh[^1] switch { 's' => 1, 'm' => 60, _ => 0 };
        if (unit > 0 && int.TryParse(Refresh[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            interval = TimeSpan.FromSeconds(count * unit);
            return true;
        }

        return false;
    }

    /// <summary>
    /// <paramref name="url"/> with this view's parameters where it names none of its own, so a link keeps how the viewer
    /// watches. Only the parameters that differ from the default are written.
    /// </summary>
    public string AppendTo(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var present = queryStart < 0 ? [] : QueryHelpers.ParseQuery(url[queryStart..].Split('#')[0]);
        var added = new Dictionary<string, string?>();
        if (Refresh is not null && !present.ContainsKey(RefreshKey))
        {
            added[RefreshKey] = Refresh;
        }

        if (Kiosk && !present.ContainsKey(KioskKey))
        {
            added[KioskKey] = "1";
        }

        return added.Count == 0 ? url : QueryHelpers.AddQueryString(url, added);
    }

    /// <summary><paramref name="uri"/> with its refresh set to <paramref name="refresh"/> (removed when null).</summary>
    public static string WithRefresh(string uri, string? refresh)
    {
        var parsed = new Uri(uri, UriKind.Absolute);
        var query = QueryHelpers.ParseQuery(parsed.Query);
        query.Remove(RefreshKey);
        var path = parsed.GetLeftPart(UriPartial.Path);
        var kept = query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        var rebuilt = QueryHelpers.AddQueryString(path, kept);
        return refresh is null ? rebuilt : QueryHelpers.AddQueryString(rebuilt, RefreshKey, refresh);
    }
}
