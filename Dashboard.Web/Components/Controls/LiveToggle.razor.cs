using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Web.Components.Formatting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// Live or paused, and how often the view refreshes (off, 5 s … 1 min), for this viewer only: the store is read
/// once per poll whatever they choose.
/// </summary>
public sealed partial class LiveToggle
{
    private const string Off = "off";

    private const string EveryPoll = "poll";

    private static readonly TimeSpan[] Intervals = [.. new[] { 5, 10, 30, 60 }.Select(seconds => TimeSpan.FromSeconds(seconds))];

    [Inject]
    public required IOptions<TrackingOptions> Tracking { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    private string ToggleName => State.IsPaused ? "Resume live updates" : "Pause live updates (only for you)";

    // A refresh faster than the poll has nothing new to show: the poll interval (10 s by default) is the default.
    private IEnumerable<(string Value, string Text)> Choices =>
    [
        (Off, "off"),
        (EveryPoll, $"{Seconds(Tracking.Value.PollInterval)} (every poll)"),
        .. Intervals
            .Where(interval => interval > Tracking.Value.PollInterval)
            .Select(interval => (((int)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture), Seconds(interval))),
    ];

    private string RefreshValue => State.IsPaused ? Off
        : State.RefreshInterval is { } interval ? ((int)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture)
        : EveryPoll;

    private string LastUpdated => State.Current is { } current
        ? $"updated {Format.Time(current.PolledAt)} {Format.ZoneName}"
        : "waiting for the first poll";

    private void ChangeRefresh(ChangeEventArgs change)
    {
        switch (change.Value as string)
        {
            case Off:
                State.SetPaused(true);
                break;
            case var value when int.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                State.SetRefreshInterval(TimeSpan.FromSeconds(seconds));
                State.SetPaused(false);
                break;
            default:
                State.SetRefreshInterval(null);
                State.SetPaused(false);
                break;
        }

        KeepInUrl();
    }

    private void SetPaused(bool paused)
    {
        State.SetPaused(paused);
        KeepInUrl();
    }

    // The choice goes into the URL (one history entry per change), so a bookmark or a shared link watches the same way.
    private void KeepInUrl()
    {
        var url = ViewQuery.WithRefresh(Navigation.Uri, ViewQuery.RefreshText(State.IsPaused, State.RefreshInterval));
        if (url != Navigation.Uri)
        {
            Navigation.NavigateTo(url);
        }
    }

    private static string Seconds(TimeSpan interval) =>
        interval >= TimeSpan.FromMinutes(1) && interval.TotalSeconds % 60 == 0
            ? $"{DisplayFormat.Count(interval.TotalMinutes)} min"
            : $"{DisplayFormat.OneDecimal(interval.TotalSeconds)} s";
}
