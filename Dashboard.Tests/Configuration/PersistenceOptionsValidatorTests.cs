using Dashboard.Core.Configuration;

namespace Dashboard.Tests.Configuration;

public sealed class PersistenceOptionsValidatorTests
{
    private readonly PersistenceOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreTheSpecsAndValid()
    {
        var options = new PersistenceOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal((100, TimeSpan.FromSeconds(5)), (options.BatchSize, options.FlushInterval));
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblem()
    {
        var result = _validator.Validate(null, new PersistenceOptions
        {
            BatchSize = 0,
            QueueCapacity = -1,
            FlushInterval = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.FromSeconds(-1),
            ExpireInterval = TimeSpan.Zero,
        });

        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Dashboard:Persistence:BatchSize", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("01:00:01")]
    public void Validate_HistoryBackfillOutsideWhatTheLiveStoreKeeps_Fails(string backfill)
    {
        var result = _validator.Validate(null, new PersistenceOptions { HistoryBackfill = TimeSpan.Parse(backfill, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.StartsWith("Dashboard:Persistence:HistoryBackfill must be between 00:01:00 and the 01:00:00", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QueueSmallerThanABatch_Fails()
    {
        var result = _validator.Validate(null, new PersistenceOptions { BatchSize = 500, QueueCapacity = 100 });

        Assert.Equal("Dashboard:Persistence:QueueCapacity (100) must be at least BatchSize (500).", Assert.Single(result.Failures!));
    }
}
