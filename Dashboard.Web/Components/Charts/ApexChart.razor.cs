using System.Text.Json;
using Dashboard.Web.Components.Formatting;
using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// A chart drawn by ApexCharts through wwwroot/js/charts.js: created once after the first render, updated only when
/// what it shows changed, and destroyed with the component.
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    /// <summary>The most points of one series sent to the browser; longer series are downsampled.</summary>
    public const int MaxPointsPerSeries = 300;

    internal const string ModulePath = "./js/charts.js";

    /// <summary>
    /// Series colours by position, readable on both backgrounds and kept in both themes (ApexCharts' dark palette
    /// would recolour every line); a dashed context series is grey.
    /// </summary>
    public static readonly IReadOnlyList<string> Palette = ["#1e88e5", "#fb8c00", "#e53935", "#43a047", "#8e24aa"];

    public const string ContextColor = "#90a4ae";

    // Blazor sends the configuration in this shape too; comparing it serialized catches a page that rebuilds equal
    // lists on every render (no update) as well as one that changed a list in place (an update).
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ApexChart>? _dotNetRef;
    private ChartConfig _config = null!;
    private string _configJson = "";
    private string? _sentJson;
    private bool _disposed;

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired]
    public required ChartKind Kind { get; set; }

    /// <summary>The time series of a line or area chart.</summary>
    [Parameter]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>The bars of a bar chart, in the order they are drawn.</summary>
    [Parameter]
    public IReadOnlyList<ChartBar> Bars { get; set; } = [];

    /// <summary>The name the tooltip gives a bar's value.</summary>
    [Parameter]
    public string BarName { get; set; } = "Users";

    [Parameter]
    public IReadOnlyList<ChartReferenceLine> ReferenceLines { get; set; } = [];

    [Parameter]
    public ChartMarker? Marker { get; set; }

    /// <summary>The span the x-axis of a time chart covers; null fits the axis to the data.</summary>
    [Parameter]
    public ChartTimeAxis? Axis { get; set; }

    /// <summary>What the chart shows, in words, for screen readers (the drawing itself is an image to them).</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>Raised with the span the user selected on a time chart (zoom to selection).</summary>
    [Parameter]
    public EventCallback<ChartTimeAxis> OnZoom { get; set; }

    /// <summary>The chart's height in CSS pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 300;

    [Parameter]
    public bool DarkMode { get; set; }

    /// <summary>The viewer's zone: the axis and tooltips show the browser's local time, or UTC if they chose it.</summary>
    [CascadingParameter]
    public DisplayFormat Format { get; set; } = DisplayFormat.Utc;

    /// <summary>Raised with the category of the bar the user clicked.</summary>
    [Parameter]
    public EventCallback<string> OnBarClick { get; set; }

    /// <summary>Attributes for the chart's element, such as data-testid.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>Called by charts.js when the user selected a span of a time chart, in milliseconds since the epoch.</summary>
    [JSInvokable]
    public Task ZoomAsync(long start, long end) =>
        end > start
            ? OnZoom.InvokeAsync(new ChartTimeAxis(DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end)))
            : Task.CompletedTask;

    /// <summary>Called by charts.js when a bar is clicked.</summary>
    [JSInvokable]
    public Task SelectBarAsync(string category) => OnBarClick.InvokeAsync(category);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("destroy", _element);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and the page with it: there is nothing left to destroy.
            }
            catch (TaskCanceledException)
            {
                // Same, when the circuit went away while the call was in flight.
            }
        }

        _dotNetRef?.Dispose();
    }

    protected override void OnParametersSet()
    {
        _config = new ChartConfig(
            Kind.ToString().ToLowerInvariant(),
            Height,
            DarkMode ? "dark" : "light",
            [.. Series.Select(ToSeriesData)],
            BarName,
            Bars,
            ReferenceLines,
            Marker is { } marker ? new ChartMarkerData(marker.Label, marker.Time.ToUnixTimeMilliseconds(), marker.Value) : null,
            Axis?.Start.ToUnixTimeMilliseconds(),
            Axis?.End.ToUnixTimeMilliseconds(),
            Axis?.TooltipFormat ?? "HH:mm:ss",
            Format.IsUtc,
            Colors());
        _configJson = JsonSerializer.Serialize(_config, ConfigJson);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            var module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (_disposed)
            {
                await module.DisposeAsync();
                return;
            }

            _dotNetRef = DotNetObjectReference.Create(this);
            _module = module;
            // Renders that came while the module loaded skipped their update; create draws what is current now.
            _sentJson = _configJson;
            await _module.InvokeVoidAsync("create", _element, _config, _dotNetRef);
        }
        else if (_module is not null && _sentJson != _configJson)
        {
            _sentJson = _configJson;
            await _module.InvokeVoidAsync("update", _element, _config);
        }
    }

    private IReadOnlyList<string> Colors()
    {
        var next = 0;
        return Series.Count == 0
            ? [Palette[0]]
            : [.. Series.Select(series => series.Dashed ? ContextColor : Palette[next++ % Palette.Count])];
    }

    private static ChartSeriesData ToSeriesData(ChartSeries series)
    {
        var points = Downsampler.Downsample(series.Points, MaxPointsPerSeries);
        var data = new List<double?[]>(points.Count + 8);
        var gap = GapThreshold(series, points);
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0 && points[i].Time - points[i - 1].Time > gap)
            {
                // A null right after the last point before a gap breaks the line there.
                data.Add([points[i - 1].Time.Add(series.Step!.Value).ToUnixTimeMilliseconds(), null]);
            }

            data.Add([points[i].Time.ToUnixTimeMilliseconds(), points[i].Value]);
        }

        return new ChartSeriesData(series.Name, data, series.Dashed);
    }

    // Points further apart than one step are a gap; once downsampled, kept points lie up to two buckets apart.
    private static TimeSpan GapThreshold(ChartSeries series, IReadOnlyList<ChartPoint> sent)
    {
        if (series.Step is not { } step || sent.Count < 2)
        {
            return TimeSpan.MaxValue;
        }

        if (sent.Count == series.Points.Count)
        {
            return step * 1.5;
        }

        var bucket = (sent[^1].Time - sent[0].Time) / ((MaxPointsPerSeries - 2) / 2);
        return (2 * bucket) + step;
    }
}