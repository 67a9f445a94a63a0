using Dashboard.Core.Leases;

namespace Dashboard.Tests.Leases;

public sealed class LeaseOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new LeaseOptionsValidator().Validate(null, new LeaseOptions()).Succeeded);

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:10:01")]
    public void Validate_DurationOutOfRange_FailsNamingTheSetting(string duration)
    {
        var result = new LeaseOptionsValidator().Validate(null, new LeaseOptions { Duration = TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:Leases:Duration", result.FailureMessage, StringComparison.Ordinal);
    }
}
