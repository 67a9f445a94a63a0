using Dashboard.Client;

namespace Dashboard.Tests.Cli;

public sealed class TimeRangeSyntaxTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("24h", "now")]
    [InlineData("90m", "now")]
    [InlineData("7d", "1h")]
    [InlineData("30D", "NOW")]
    [InlineData("1825d", "now")]
    [InlineData("2024-01-15T10:30:00Z", "2024-01-16T00:00:00+02:00")]
    [InlineData("2024-01-15", "now")]
    public void Validate_ValidRange_HasNoProblem(string start, string end) => Assert.Null(TimeRangeSyntax.Validate(start, end, Now));

    [Theory]
    [InlineData("now", "24h", "must be before")]
    [InlineData("1h", "1h", "must be before")]
    [InlineData("yesterday", "now", "--start \"yesterday\" is not a time")]
    [InlineData("24x", "now", "is not a time")]
    [InlineData("-24h", "now", "is not a time")]
    [InlineData("01/15/2024", "now", "is not a time")]
    [InlineData("1h", "later", "--end \"later\" is not a time")]
    [InlineData("2000d", "now", "longer than 5 years")]
    [InlineData("2019-01-01T00:00:00Z", "2024-06-01T00:00:00Z", "longer than 5 years")]
    public void Validate_InvalidRange_SaysWhy(string start, string end, string problem) =>
        Assert.Contains(problem, TimeRangeSyntax.Validate(start, end, Now), StringComparison.Ordinal);

    [Theory]
    [InlineData("now", 0)]
    [InlineData("90m", 90)]
    [InlineData("24h", 24 * 60)]
    [InlineData("7d", 7 * 24 * 60)]
    public void TryResolve_Relative_IsThatLongBeforeNow(string value, int minutesAgo)
    {
        Assert.True(TimeRangeSyntax.TryResolve(value, Now, out var instant));
        Assert.Equal(Now.AddMinutes(-minutesAgo), instant);
    }

    [Fact]
    public void TryResolve_InstantWithOffset_IsThatInstant()
    {
        Assert.True(TimeRangeSyntax.TryResolve("2024-01-15T12:30:00+02:00", Now, out var instant));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero), instant);
    }
}
