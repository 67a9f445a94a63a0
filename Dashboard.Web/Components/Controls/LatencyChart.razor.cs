using Dashboard.Core.Tracking;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Live;

namespace Dashboard.Web.Components.Controls;

/// <summary>The platform's P50, P95 and P99 response times minute by minute over the range in the URL; refreshed each poll.</summary>
public sealed partial class LatencyChart
{
    private IReadOnlyList<LatencyMinute> _minutes = [];

    [Inject]
    public required HistoryReads History { get; init; }

    [Parameter, EditorRequired]
    public required RangeSelection Range { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private IReadOnlyList<ChartSeries> Series =>
    [
        Line("P50", minute => minute.P50),
        Line("P95", minute => minute.P95),
        Line("P99", minute => minute.P99),
    ];

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private ChartSeries Line(string name, Func<LatencyMinute, double?> value) =>
        new(name, [.. _minutes.Where(minute => value(minute) is not null).Select(minute => new ChartPoint(minute.Minute, value(minute)!.Value))]);

    private async Task LoadAsync()
    {
        try
        {
            var (start, end) = Range.Bounds;
            _minutes = await History.LatencyAsync(start, end);
        }
        catch (StoreUnavailableException)
        {
            // The banner says the history database is down; the last figures stay.
        }
    }
}
