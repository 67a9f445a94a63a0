using System.Globalization;
using Dashboard.Core.History;
using Dashboard.Core.Tracking;
using Dashboard.Web.Components.Charts;
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

    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private string RangeLabel => Range.IsCustom ? "custom range" : Range.Preset!;

    private string PeakWhen => _summary?.Peak?.At is { } at
        ? $"at {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
        : "no history in this range yet";

    private string AverageText => _summary?.Average?.Users is { } users ? users.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    private double? Change => _summary?.Trend?.ChangePercent;

    private string ChangeText => Change is { } change ? $"{change:+0.#;-0.#;0}%" : "–";

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

    private IReadOnlyList<ChartSeries> Series => _summary?.Trend is { } trend
        ? [new ChartSeries("Users", [.. trend.Points.Select(point => new ChartPoint(point.Timestamp, point.MaxUsers))])]
        : [];

    private IReadOnlyList<ChartReferenceLine> ReferenceLines =>
    [
        .. _summary?.Peak is { At: not null } peak ? [new ChartReferenceLine($"Peak {peak.Users}", peak.Users)] : Array.Empty<ChartReferenceLine>(),
        .. _summary?.Average?.Users is { } average ? [new ChartReferenceLine($"Average {average:0.#}", average)] : Array.Empty<ChartReferenceLine>(),
    ];

    private ChartMarker? PeakMarker => _summary?.Peak is { At: { } at } peak ? new ChartMarker($"Peak {peak.Users}", at, peak.Users) : null;

    private string CsvUrl => DashboardUrls.TrendCsv(Scope, Range);

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task RefreshAsync(CancellationToken cancellationToken) => LoadAsync();

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
