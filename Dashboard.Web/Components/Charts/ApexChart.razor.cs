using System.Text.Json;
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

    /// <summary>The chart's height in CSS pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 300;

    [Parameter]
    public bool DarkMode { get; set; }

    /// <summary>Raised with the category of the bar the user clicked.</summary>
    [Parameter]
    public EventCallback<string> OnBarClick { get; set; }

    /// <summary>Attributes for the chart's element, such as data-testid.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

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
            Marker is { } marker ? new ChartMarkerData(marker.Label, marker.Time.ToUnixTimeMilliseconds(), marker.Value) : null);
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

    private static ChartSeriesData ToSeriesData(ChartSeries series) => new(
        series.Name,
        [.. Downsampler.Downsample(series.Points, MaxPointsPerSeries)
            .Select(point => new double[] { point.Time.ToUnixTimeMilliseconds(), point.Value })]);
}
