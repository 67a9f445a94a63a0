using Dashboard.Web.Components.Charts;

namespace Dashboard.Tests.Charts;

public sealed class DownsamplerTests
{
    private const int MaxPoints = ApexChart.MaxPointsPerSeries;

    [Theory]
    [InlineData(301)]
    [InlineData(1_000)]
    [InlineData(10_007)]
    [InlineData(86_400)]
    public void Downsample_SeriesLongerThanBudget_ReturnsAtMostMaxPoints(int count)
    {
        var result = Downsampler.Downsample(TestSeries.Users(count), MaxPoints);

        Assert.InRange(result.Count, MaxPoints / 2, MaxPoints);
    }

    [Fact]
    public void Downsample_SeriesLongerThanBudget_KeepsFirstAndLastPoint()
    {
        var points = TestSeries.Users(5_000);

        var result = Downsampler.Downsample(points, MaxPoints);

        Assert.Equal(points[0], result[0]);
        Assert.Equal(points[^1], result[^1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_234)]
    [InlineData(2_500)]
    [InlineData(4_997)]
    public void Downsample_PeakInsideSeries_KeepsThePeak(int peakIndex)
    {
        var points = TestSeries.Users(5_000, peakIndex, peak: 245);

        var result = Downsampler.Downsample(points, MaxPoints);

        Assert.Contains(points[peakIndex], result);
    }

    [Fact]
    public void Downsample_DipInsideSeries_KeepsTheDip()
    {
        var points = TestSeries.Users(5_000, peakIndex: 3_333, peak: 0);

        var result = Downsampler.Downsample(points, MaxPoints);

        Assert.Contains(points[3_333], result);
    }

    [Fact]
    public void Downsample_SeriesLongerThanBudget_KeepsTimeOrder()
    {
        var result = Downsampler.Downsample(TestSeries.Users(5_000), MaxPoints);

        Assert.All(result.Zip(result.Skip(1)), pair => Assert.True(pair.First.Time < pair.Second.Time));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(MaxPoints)]
    public void Downsample_SeriesWithinBudget_ReturnsItUntouched(int count)
    {
        var points = TestSeries.Users(count);

        var result = Downsampler.Downsample(points, MaxPoints);

        Assert.Same(points, result);
    }

    [Fact]
    public void Downsample_BudgetBelowMinimum_Throws()
    {
        var points = TestSeries.Users(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => Downsampler.Downsample(points, Downsampler.MinimumMaxPoints - 1));
    }
}
