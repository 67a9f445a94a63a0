using Dashboard.Core.Performance;

namespace Dashboard.Tests.Performance;

public sealed class LatencyBucketTextTests
{
    [Fact]
    public void Format_ThenAddTo_GivesBackTheSameBucketsAndPercentiles()
    {
        var random = new Random(11);
        var original = new LatencyHistogram();
        foreach (var _ in Enumerable.Range(0, 5_000))
        {
            original.Record(random.NextDouble() < 0.01 ? LatencyHistogram.MaxMilliseconds : random.NextDouble() * 3_000);
        }

        var copy = new LatencyHistogram();
        LatencyBucketText.AddTo(copy, LatencyBucketText.Format(original.Buckets));

        Assert.Equal(original.Buckets, copy.Buckets);
        Assert.Equal(original.Count, copy.Count);
        Assert.Equal([original.Percentile(50), original.Percentile(95), original.Percentile(99)],
            [copy.Percentile(50), copy.Percentile(95), copy.Percentile(99)]);
    }

    [Fact]
    public void Format_SomeBuckets_WritesNonEmptyOnesInBucketOrder()
    {
        var buckets = new Dictionary<int, long> { [120] = 3, [0] = 1, [7] = 0, [41] = 12_345_678_901 };

        Assert.Equal("0:1,41:12345678901,120:3", LatencyBucketText.Format(buckets));
    }

    [Fact]
    public void Format_NoBuckets_IsEmptyAndAddsNothing()
    {
        var text = LatencyBucketText.Format(new LatencyHistogram().Buckets);
        var histogram = new LatencyHistogram();

        LatencyBucketText.AddTo(histogram, text);

        Assert.Equal("", text);
        Assert.Equal(0, histogram.Count);
    }

    [Fact]
    public void AddTo_ExistingCounts_AddsToThem()
    {
        var histogram = new LatencyHistogram();
        histogram.Add(5, 2);

        LatencyBucketText.AddTo(histogram, "5:3,9:1");

        Assert.Equal(new Dictionary<int, long> { [5] = 5, [9] = 1 }, histogram.Buckets);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5:")]
    [InlineData(":3")]
    [InlineData("5:3,")]
    [InlineData("-1:3")]
    [InlineData("5:x")]
    [InlineData("5:3;6:1")]
    public void AddTo_NotTheFormat_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => LatencyBucketText.AddTo(new LatencyHistogram(), text));
    }
}
