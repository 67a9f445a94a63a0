using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Formatting;
using Dashboard.Web.Live;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>Peak, average, trend and the users chart of one scope over the range in the URL; refreshed each poll.</summary>
public sealed partial class RangeHistory
{
    private RangeSummary? _summary;

    [Inject]
    public required HistoryReads History { get; init; }

    [Parameter, EditorRequired]
    public required HistoryScope Scope { get; set; }

    [Parameter, EditorRequired]
    public required RangeSelection Range { get; set; }

    /// <summary>Raised with the span selected on the chart; the page puts it in the URL, for every panel.</summary>
    [Parameter]
    public EventCallback<RangeSelection> RangeChanged { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private string RangeLabel => Range.IsCustom ? "custom range" : Range.Preset!;

    private string PeakWhen => _summary?.Peak?.At is { } at
        ? $"at {Format.Minute(at)} {Format.ZoneName}"
        : "no history in this range yet";

    private string AverageText => _summary?.Average?.Users is { } users ? DisplayFormat.OneDecimal(users) : "–";

    private double? Change => _summary?.Trend?.ChangePercent;

    // "–" would read as zero: without a change the figure says n/a and the caption says why.
    private string ChangeText => Change is { } change ? DisplayFormat.Change(change) : "n/a";

    private string TrendReason => _summary?.Trend switch
    {
        null => "change of the average",
        { ChangePercent: not null } => "change of the average",
        { Average: null or 0 } => "no data in this range",
        _ => $"no data in the previous {RangeLabel}",
    };

    private string TrendIcon => Change switch
    {
        > 0 => Icons.Material.Filled.TrendingUp,
        < 0 => Icons.Material.Filled.TrendingDown,
        _ => Icons.Material.Filled.TrendingFlat,
    };

    private Color TrendColor => Change switch
    {
        > 0 => Color.Success,
        < 0 => Color.Error,
        _ => Color.Default,
    };

    private ChartTimeAxis? Axis => _summary?.Range is { } range ? new ChartTimeAxis(range.Start, range.End) : null;

    private bool IsEmpty => _summary is { Error: null, Trend.Points.Count: 0 };

    private IReadOnlyList<ChartSeries> Series
    {
        get
        {
            if (_summary?.Trend is not { } trend)
            {
                return [];
            }

            var users = new ChartSeries("Users", [.. trend.Points.Select(point => new ChartPoint(point.Timestamp, point.MaxUsers))], trend.Resolution);
            if (_summary is not { PreviousTrend: { Points.Count: > 0 } previous, Range: { } range })
            {
                return [users];
            }

            // The previous period moved onto this one, so the same time of day lines up.
            return
            [
                users,
                new ChartSeries(
                    $"Previous {RangeLabel}",
                    [.. previous.Points.Select(point => new ChartPoint(point.Timestamp + range.Length, point.MaxUsers))],
                    previous.Resolution,
                    Dashed: true),
            ];
        }
    }

    private IReadOnlyList<ChartReferenceLine> ReferenceLines =>
    [
        .. _summary?.Peak is { At: not null } peak ? [new ChartReferenceLine($"Peak {peak.Users}", peak.Users)] : Array.Empty<ChartReferenceLine>(),
        .. _summary?.Average?.Users is { } average ? [new ChartReferenceLine($"Average {DisplayFormat.OneDecimal(average)}", average)] : Array.Empty<ChartReferenceLine>(),
    ];

    // The chart draws one point per bucket: the marker goes on the bucket that holds the peak's minute, not beside it.
    private ChartMarker? PeakMarker =>
        _summary is { Peak: { At: { } at } peak, Trend: { } trend }
        && trend.Points.LastOrDefault(point => point.Timestamp <= at) is { } bucket
            ? new ChartMarker($"Peak {peak.Users}", bucket.Timestamp, bucket.MaxUsers)
            : null;

    private string ChartLabel => _summary switch
    {
        null => $"Concurrent users, {RangeLabel}: loading",
        { Error: { } error } => $"Concurrent users: the range is not valid, {error}",
        _ when IsEmpty => $"Concurrent users, {RangeLabel}: no data in this range",
        _ => $"Concurrent users, {RangeLabel}: peak {_summary.Peak?.Users ?? 0} {PeakWhen}, average {AverageText}"
            + (Change is { } change ? $", {change:+0.#;-0.#;0}% against the previous period" : ""),
    };

    private string CsvUrl => DashboardUrls.TrendCsv(Scope, Range);

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

    private Task ZoomAsync(ChartTimeAxis span) => RangeChanged.InvokeAsync(RangeSelection.Between(span.Start, span.End));

    private async Task LoadAsync()
    {
        try
        {
            var (start, end) = Range.Bounds;
            _summary = await History.SummaryAsync(Scope, start, end);
        }
        catch (StoreUnavailableException)
        {
            // The banner says the history database is down; the last figures stay.
        }
    }
}
