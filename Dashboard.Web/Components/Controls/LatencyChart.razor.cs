using Dashboard.Core.Tracking;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Formatting;
using Dashboard.Web.Live;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// The platform's (or one module's) P50, P95 and P99 response times and error rate minute by minute over the range in
/// the URL; refreshed each poll.
/// </summary>
public sealed partial class LatencyChart
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private LatencyRange? _latency;

    [Inject]
    public required HistoryReads History { get; init; }

    [Parameter, EditorRequired]
    public required RangeSelection Range { get; set; }

    /// <summary>The module whose requests are shown; null for the whole platform.</summary>
    [Parameter]
    public string? Module { get; set; }

    /// <summary>Raised with the span selected on the chart; the page puts it in the URL, for every panel.</summary>
    [Parameter]
    public EventCallback<RangeSelection> RangeChanged { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private IReadOnlyList<LatencyMinute> Minutes => _latency?.Minutes ?? [];

    private string RangeLabel => Range.IsCustom ? "custom range" : Range.Preset!;

    // The same axis as the users chart above it: the range itself, not the minutes that happen to have data.
    private ChartTimeAxis? Axis => _latency?.Range is { } range ? new ChartTimeAxis(range.Start, range.End) : null;

    private bool IsEmpty => _latency is { Range: not null } && Minutes.All(minute => minute.P50 is null);

    private IReadOnlyList<ChartSeries> Series =>
    [
        Line("P50", minute => minute.P50),
        Line("P95", minute => minute.P95),
        Line("P99", minute => minute.P99),
    ];

    private IReadOnlyList<ChartSeries> ErrorSeries =>
    [
        new("Error rate", [.. Minutes.Where(minute => minute.ErrorRate is not null).Select(minute => new ChartPoint(minute.Minute, minute.ErrorRate!.Value * 100))], Minute),
    ];

    private string ErrorLabel =>
        IsEmpty
            ? $"Error rate, {RangeLabel}: no requests in this range"
            : $"Error rate, {RangeLabel}: highest {DisplayFormat.Percent(Minutes.Max(minute => minute.ErrorRate) ?? 0)}";

    private string ChartLabel =>
        IsEmpty || Minutes.LastOrDefault(minute => minute.P95 is not null) is not { } last
            ? $"Response times, {RangeLabel}: no response times in this range"
            : $"Response times, {RangeLabel}: highest P95 {DisplayFormat.Milliseconds(Minutes.Max(minute => minute.P95) ?? 0)}, latest P95 {DisplayFormat.Milliseconds(last.P95 ?? 0)} at {Format.Minute(last.Minute)} {Format.ZoneName}";

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private Task ZoomAsync(ChartTimeAxis span) => RangeChanged.InvokeAsync(RangeSelection.Between(span.Start, span.End));

    private ChartSeries Line(string name, Func<LatencyMinute, double?> value) =>
        new(name, [.. Minutes.Where(minute => value(minute) is not null).Select(minute => new ChartPoint(minute.Minute, value(minute)!.Value))], Minute);

    private async Task LoadAsync()
    {
        try
        {
            var (start, end) = Range.Bounds;
            _latency = await History.LatencyAsync(start, end, Module);
        }
        catch (StoreUnavailableException)
        {
            // The banner says the history database is down; the last figures stay.
        }
    }
}
