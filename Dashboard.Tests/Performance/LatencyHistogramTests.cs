using Dashboard.Core.Performance;

namespace Dashboard.Tests.Performance;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(95)]
    [InlineData(99)]
    [InlineData(99.9)]
    public void Percentile_100kRandomSamples_IsWithin2PercentOfTheExactSort(double percent)
    {
        var random = new Random(20261126);
        // Log-normal around 120 ms with a long tail, like real response times.
        var samples = Enumerable.Range(0, 100_000)
            .Select(_ => Math.Max(1, Math.Exp(Math.Log(120) + 0.8 * Normal(random))))
            .ToArray();
        var histogram = new LatencyHistogram();
        foreach (var sample in samples)
        {
            histogram.Record(sample);
        }

        Array.Sort(samples);
        var exact = samples[(int)Math.Ceiling(percent / 100 * samples.Length) - 1];

        var estimate = histogram.Percentile(percent)!.Value;
        Assert.InRange(Math.Abs(estimate - exact) / exact, 0, 0.02);
    }

    [Fact]
    public void Merge_TwoHalves_EqualsOneHistogramOfAll()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble() * 2_000).ToArray();
        var whole = new LatencyHistogram();
        var first = new LatencyHistogram();
        var second = new LatencyHistogram();
        for (var i = 0; i < samples.Length; i++)
        {
            whole.Record(samples[i], isError: i % 10 == 0);
            (i % 2 == 0 ? first : second).Record(samples[i], isError: i % 10 == 0);
        }

        first.Merge(second);

        Assert.Equal(whole.Buckets, first.Buckets);
        Assert.Equal(whole.Count, first.Count);
        Assert.Equal(1_000, first.Errors);
        Assert.Equal(0.1, first.ErrorRate, precision: 10);
        Assert.Equal(whole.Percentile(95), first.Percentile(95));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17.3)]
    [InlineData(500)]
    [InlineData(599_999)]
    public void ValueOf_BucketOfAnyTime_IsWithin2PercentOfIt(double milliseconds)
    {
        var value = LatencyHistogram.ValueOf(LatencyHistogram.BucketOf(milliseconds));

        Assert.InRange(Math.Abs(value - milliseconds) / milliseconds, 0, 0.02);
    }

    [Fact]
    public void BucketOf_SubMillisecondAndOverMaximum_AreClamped()
    {
        Assert.Equal(0, LatencyHistogram.BucketOf(0));
        Assert.Equal(0, LatencyHistogram.BucketOf(0.9));
        Assert.Equal(LatencyHistogram.BucketOf(LatencyHistogram.MaxMilliseconds), LatencyHistogram.BucketOf(10_000_000));
    }

    [Fact]
    public void Percentile_Empty_IsNull()
    {
        Assert.Null(new LatencyHistogram().Percentile(50));
        Assert.Equal(0, new LatencyHistogram().ErrorRate);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
