using Dashboard.Web.Components.Charts;

namespace Dashboard.Tests.Charts;

/// <summary>Time series for chart tests: one point a second from a fixed start, values from a fixed seed.</summary>
internal static class TestSeries
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Noisy values between 100 and 200, and <paramref name="peak"/> at <paramref name="peakIndex"/> if given.</summary>
    public static List<ChartPoint> Users(int count, int? peakIndex = null, double peak = 1_000)
    {
        var random = new Random(42);
        var points = new List<ChartPoint>(count);
        for (var i = 0; i < count; i++)
        {
            var value = i == peakIndex ? peak : 100 + random.Next(0, 101);
            points.Add(new ChartPoint(Start.AddSeconds(i), value));
        }

        return points;
    }
}
