using Dashboard.Core.History;
using Dashboard.Data.History;

namespace Dashboard.Tests.History;

public sealed class TrendResolutionTests
{
    [Theory]
    [InlineData("00:10:00", HistoryTier.LiveSamples, "00:00:10")]
    [InlineData("01:00:00", HistoryTier.LiveSamples, "00:00:20")]
    [InlineData("01:30:00", HistoryTier.Minute, "00:01:00")]
    [InlineData("1.00:00:00", HistoryTier.Minute, "00:05:00")]
    [InlineData("7.00:00:00", HistoryTier.Minute, "01:00:00")]
    [InlineData("30.00:00:00", HistoryTier.Minute, "03:00:00")]
    [InlineData("365.00:00:00", HistoryTier.Minute, "2.00:00:00")]
    [InlineData("1826.00:00:00", HistoryTier.Hour, "7.00:00:00")]
    [InlineData("02:00:00", HistoryTier.Hour, "01:00:00")]
    public void For_RangeAndTier_GivesTheFinestStepWithAtMost300Points(string length, HistoryTier tier, string expected)
    {
        var resolution = TrendResolution.For(TimeSpan.Parse(length, System.Globalization.CultureInfo.InvariantCulture), tier);

        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), resolution);
    }
}
