using Bunit;
using Dashboard.Web.Components.Charts;
using Microsoft.JSInterop;

namespace Dashboard.Tests.Charts;

public sealed class ApexChartTests : BunitContext
{
    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        // Strict: any call the component makes that a test did not plan for fails the test.
        JSInterop.Mode = JSRuntimeMode.Strict;
        _module = JSInterop.SetupModule(ApexChart.ModulePath);
        _module.SetupVoid("create", _ => true).SetVoidResult();
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void FirstRender_Always_ImportsTheChartsModule()
    {
        RenderLineChart(TestSeries.Users(10));

        var import = JSInterop.VerifyInvoke("import");
        Assert.Equal("./js/charts.js", import.Arguments[0]);
    }

    [Fact]
    public void FirstRender_LongSeries_CreatesWithDownsampledPointsInMilliseconds()
    {
        var points = TestSeries.Users(2_000, peakIndex: 1_234, peak: 245);

        RenderLineChart(points);

        var data = CreatedConfig().Series.Single().Data;
        var expected = Downsampler.Downsample(points, ApexChart.MaxPointsPerSeries)
            .Select(point => new double?[] { point.Time.ToUnixTimeMilliseconds(), point.Value });
        Assert.Equal(expected, data);
    }

    [Fact]
    public void FirstRender_LongSeries_SendsThePeak()
    {
        var points = TestSeries.Users(2_000, peakIndex: 1_234, peak: 245);

        RenderLineChart(points);

        var data = CreatedConfig().Series.Single().Data;
        Assert.Contains(data, pair => pair[0] == points[1_234].Time.ToUnixTimeMilliseconds() && pair[1] == 245);
    }

    [Fact]
    public void FirstRender_ReferenceLinesAndMarker_SendsThemWithTheMarkerInMilliseconds()
    {
        var peakTime = TestSeries.Start.AddMinutes(5);

        Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Area)
            .Add(c => c.Series, [new ChartSeries("Users", TestSeries.Users(10))])
            .Add(c => c.ReferenceLines, [new ChartReferenceLine("Peak 245", 245), new ChartReferenceLine("Average 180", 180)])
            .Add(c => c.Marker, new ChartMarker("Peak 245", peakTime, 245)));

        var config = CreatedConfig();
        Assert.Equal(["Peak 245", "Average 180"], config.ReferenceLines.Select(line => line.Label));
        Assert.Equal(new ChartMarkerData("Peak 245", peakTime.ToUnixTimeMilliseconds(), 245), config.Marker);
    }

    [Fact]
    public void FirstRender_DarkMode_CreatesWithDarkTheme()
    {
        Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Bar)
            .Add(c => c.Bars, [new ChartBar("Reports", 12)])
            .Add(c => c.DarkMode, true));

        Assert.Equal("dark", CreatedConfig().Theme);
    }

    [Fact]
    public void Render_DataTestId_PutsItOnTheChartElement()
    {
        var cut = Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Line)
            .AddUnmatched("data-testid", "users-chart"));

        Assert.NotNull(cut.Find("div[data-testid=users-chart]"));
    }

    [Fact]
    public void ParameterChange_NewSeries_UpdatesInsteadOfCreating()
    {
        var cut = RenderLineChart(TestSeries.Users(10));

        cut.Render(parameters => parameters.Add(c => c.Series, [new ChartSeries("Users", TestSeries.Users(20))]));

        _module.VerifyInvoke("create", calledTimes: 1);
        var update = Assert.Single(_module.VerifyInvoke("update", calledTimes: 1));
        Assert.Equal(20, ((ChartConfig)update.Arguments[1]!).Series.Single().Data.Count);
    }

    [Fact]
    public void ParameterChange_DarkModeOn_UpdatesWithDarkTheme()
    {
        var cut = RenderLineChart(TestSeries.Users(10));

        cut.Render(parameters => parameters.Add(c => c.DarkMode, true));

        var update = Assert.Single(_module.VerifyInvoke("update", calledTimes: 1));
        Assert.Equal("dark", ((ChartConfig)update.Arguments[1]!).Theme);
    }

    [Fact]
    public void ParameterChange_EqualDataInNewLists_CallsNothing()
    {
        var cut = RenderLineChart(TestSeries.Users(10));

        cut.Render(parameters => parameters.Add(c => c.Series, [new ChartSeries("Users", TestSeries.Users(10))]));

        _module.VerifyInvoke("create", calledTimes: 1);
        _module.VerifyNotInvoke("update");
    }

    [Fact]
    public void Rerender_NothingChanged_CallsNothing()
    {
        var cut = RenderLineChart(TestSeries.Users(10));

        cut.Render();

        _module.VerifyInvoke("create", calledTimes: 1);
        _module.VerifyNotInvoke("update");
    }

    [Fact]
    public async Task SelectBarAsync_CalledFromTheChart_RaisesOnBarClickWithTheCategory()
    {
        string? clicked = null;
        var cut = Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Bar)
            .Add(c => c.Bars, [new ChartBar("Reports", 12), new ChartBar("Billing", 7)])
            .Add(c => c.OnBarClick, (string category) => clicked = category));
        var chart = CreatedDotNetReference().Value;

        await cut.InvokeAsync(() => chart.SelectBarAsync("Billing"));

        Assert.Equal("Billing", clicked);
    }

    [Fact]
    public async Task DisposeAsync_AfterCreate_DestroysTheChart()
    {
        RenderLineChart(TestSeries.Users(10));

        await DisposeComponentsAsync();

        _module.VerifyInvoke("destroy", calledTimes: 1);
    }

    [Fact]
    public async Task DisposeAsync_AfterCreate_ReleasesTheDotNetReference()
    {
        RenderLineChart(TestSeries.Users(10));
        var reference = CreatedDotNetReference();

        await DisposeComponentsAsync();

        Assert.Throws<ObjectDisposedException>(() => reference.Value);
    }

    [Fact]
    public async Task DisposeAsync_CircuitDisconnected_CompletesAndReleasesTheDotNetReference()
    {
        RenderLineChart(TestSeries.Users(10));
        var reference = CreatedDotNetReference();
        _module.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));

        await DisposeComponentsAsync();

        Assert.Throws<ObjectDisposedException>(() => reference.Value);
    }

    [Fact]
    public void FirstRender_BucketsMissingBetweenPoints_BreaksTheLineThereWithANull()
    {
        var hour = TimeSpan.FromHours(1);
        var start = TestSeries.Start;
        ChartPoint[] points = [new(start, 1000), new(start + hour, 240), new(start + (5 * hour), 300), new(start + (6 * hour), 310)];

        Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Area)
            .Add(c => c.Series, [new ChartSeries("Users", points, hour)]));

        var data = CreatedConfig().Series.Single().Data;
        Assert.Equal(5, data.Count);
        Assert.Equal(new double?[] { (start + (2 * hour)).ToUnixTimeMilliseconds(), null }, data[2]);
        Assert.Equal(new double?[] { (start + (5 * hour)).ToUnixTimeMilliseconds(), 300 }, data[3]);
    }

    [Fact]
    public void FirstRender_AxisOfSevenDays_CoversExactlyTheRangeWithDatedTooltips()
    {
        var end = TestSeries.Start;
        var axis = new ChartTimeAxis(end.AddDays(-7), end);

        Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Area)
            .Add(c => c.Series, [new ChartSeries("Users", [new ChartPoint(end.AddHours(-1), 3)], TimeSpan.FromHours(1))])
            .Add(c => c.Axis, axis));

        var config = CreatedConfig();
        Assert.Equal(end.AddDays(-7).ToUnixTimeMilliseconds(), config.XMin);
        Assert.Equal(end.ToUnixTimeMilliseconds(), config.XMax);
        Assert.Equal("yyyy-MM-dd HH:mm", config.TooltipFormat);
    }

    [Fact]
    public void ParameterChange_DarkModeOn_KeepsEverySeriesColour()
    {
        var cut = Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Line)
            .Add(c => c.Series, [new ChartSeries("P50", TestSeries.Users(5)), new ChartSeries("P95", TestSeries.Users(5)), new ChartSeries("P99", TestSeries.Users(5))]));

        cut.Render(parameters => parameters.Add(c => c.DarkMode, true));

        var update = (ChartConfig)Assert.Single(_module.VerifyInvoke("update", calledTimes: 1)).Arguments[1]!;
        Assert.Equal(CreatedConfig().Colors, update.Colors);
        Assert.Equal(3, update.Colors.Distinct().Count());
    }

    [Fact]
    public async Task ZoomAsync_CalledFromTheChart_RaisesOnZoomWithTheSelectedSpan()
    {
        ChartTimeAxis? zoomed = null;
        var cut = Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Area)
            .Add(c => c.Series, [new ChartSeries("Users", TestSeries.Users(10))])
            .Add(c => c.OnZoom, (ChartTimeAxis span) => zoomed = span));
        var chart = CreatedDotNetReference().Value;

        await cut.InvokeAsync(() => chart.ZoomAsync(TestSeries.Start.ToUnixTimeMilliseconds(), TestSeries.Start.AddMinutes(5).ToUnixTimeMilliseconds()));

        Assert.Equal(new ChartTimeAxis(TestSeries.Start, TestSeries.Start.AddMinutes(5)), zoomed);
    }

    [Fact]
    public void Render_Label_MakesTheChartAnImageWithThatName()
    {
        var cut = Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Area)
            .Add(c => c.Label, "Concurrent users, 24h: peak 12")
            .AddUnmatched("data-testid", "users-chart"));

        var element = cut.Find("div[data-testid=users-chart]");
        Assert.Equal("img", element.GetAttribute("role"));
        Assert.Equal("Concurrent users, 24h: peak 12", element.GetAttribute("aria-label"));
    }

    private IRenderedComponent<ApexChart> RenderLineChart(List<ChartPoint> points) =>
        Render<ApexChart>(parameters => parameters
            .Add(c => c.Kind, ChartKind.Line)
            .Add(c => c.Series, [new ChartSeries("Users", points)]));

    private ChartConfig CreatedConfig() => (ChartConfig)_module.VerifyInvoke("create").Arguments[1]!;

    private DotNetObjectReference<ApexChart> CreatedDotNetReference() =>
        (DotNetObjectReference<ApexChart>)_module.VerifyInvoke("create").Arguments[2]!;
}
