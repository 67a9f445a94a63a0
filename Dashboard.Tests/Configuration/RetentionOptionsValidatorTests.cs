using Dashboard.Data.Configuration;

namespace Dashboard.Tests.Configuration;

public sealed class RetentionOptionsValidatorTests
{
    private readonly RetentionOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_KeepMinutesAYearAndHoursFiveYears()
    {
        var options = new RetentionOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal((TimeSpan.FromDays(365), TimeSpan.FromDays(1825)), (options.MinuteRows, options.HourlyRows));
    }

    [Fact]
    public void Validate_HoursKeptShorterThanMinutes_Fails()
    {
        var result = _validator.Validate(null, new RetentionOptions { MinuteRows = TimeSpan.FromDays(30), HourlyRows = TimeSpan.FromDays(7) });

        Assert.Contains("must be at least MinuteRows", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblem()
    {
        var result = _validator.Validate(null, new RetentionOptions
        {
            MinuteRows = TimeSpan.FromMinutes(30),
            HourlyRows = TimeSpan.FromMinutes(10),
            EndedSessions = TimeSpan.Zero,
            ResolvedAlerts = TimeSpan.Zero,
            Interval = TimeSpan.Zero,
            BatchSize = 0,
        });

        Assert.Equal(6, result.Failures!.Count());
    }
}
