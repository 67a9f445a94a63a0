using System.Globalization;
using Dashboard.Ranges;

namespace Dashboard.Tests.History;

public sealed class TimeRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("90m", null, "2026-03-10T10:30:00Z", "2026-03-10T12:00:00Z")]
    [InlineData("24h", "now", "2026-03-09T12:00:00Z", "2026-03-10T12:00:00Z")]
    [InlineData("7d", "NOW", "2026-03-03T12:00:00Z", "2026-03-10T12:00:00Z")]
    [InlineData("2w", "1d", "2026-02-24T12:00:00Z", "2026-03-09T12:00:00Z")]
    [InlineData("now-30s", "", "2026-03-10T11:59:30Z", "2026-03-10T12:00:00Z")]
    [InlineData(" 1H ", null, "2026-03-10T11:00:00Z", "2026-03-10T12:00:00Z")]
    public void TryParse_RelativeTimes_CountBackFromNow(string start, string? end, string expectedStart, string expectedEnd)
    {
        Assert.True(TimeRange.TryParse(start, end, Now, out var range, out var error), error);

        Assert.Equal((Instant(expectedStart), Instant(expectedEnd)), (range.Start, range.End));
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "now")]
    public void TryParse_NoStart_IsTheHourBeforeTheEnd(string? start, string? end)
    {
        Assert.True(TimeRange.TryParse(start, end, Now, out var range, out _));

        Assert.Equal(new TimeRange(Now.AddHours(-1), Now), range);
    }

    [Theory]
    [InlineData("2026-01-15T10:30:00Z", "2026-01-15T10:30:00Z")]
    [InlineData("2026-01-15T10:30:00+02:00", "2026-01-15T08:30:00Z")]
    [InlineData("2026-01-15T10:30:00.250Z", "2026-01-15T10:30:00.250Z")]
    [InlineData("2026-01-15T10:30", "2026-01-15T10:30:00Z")]
    [InlineData("2026-01-15", "2026-01-15T00:00:00Z")]
    public void TryParse_IsoInstants_AreReadAsUtc(string start, string expected)
    {
        Assert.True(TimeRange.TryParse(start, "2026-02-01T00:00:00Z", Now, out var range, out var error), error);

        Assert.Equal(Instant(expected), range.Start);
        Assert.Equal(TimeSpan.Zero, range.Start.Offset);
    }

    [Fact]
    public void TryParse_StartAfterEnd_FailsSayingSo()
    {
        Assert.False(TimeRange.TryParse("1h", "2h", Now, out _, out var error));

        Assert.Equal("start (2026-03-10T11:00:00.0000000+00:00) must be before end (2026-03-10T10:00:00.0000000+00:00).", error);
    }

    [Fact]
    public void TryParse_StartEqualToEnd_Fails()
    {
        Assert.False(TimeRange.TryParse("now", "now", Now, out _, out var error));

        Assert.StartsWith("start (", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_FiveYearsExactly_IsAllowed()
    {
        Assert.True(TimeRange.TryParse("2021-03-10T12:00:00Z", "now", Now, out var range, out _));

        Assert.Equal(Now.AddYears(-5), range.Start);
    }

    [Fact]
    public void TryParse_LongerThanFiveYears_FailsSayingSo()
    {
        Assert.False(TimeRange.TryParse("1827d", null, Now, out _, out var error));

        Assert.Contains("longer than 5 years", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday", null, "start \"yesterday\" is not a time")]
    [InlineData("24x", null, "start \"24x\" is not a time")]
    [InlineData("-5m", null, "start \"-5m\" is not a time")]
    [InlineData("15/01/2026", null, "start \"15/01/2026\" is not a time")]
    [InlineData("1h", "soon", "end \"soon\" is not a time")]
    public void TryParse_Unreadable_NamesTheArgumentAndWhatIsAccepted(string start, string? end, string expected)
    {
        Assert.False(TimeRange.TryParse(start, end, Now, out var range, out var error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Contains("90m, 24h or 7d", error, StringComparison.Ordinal);
        Assert.Equal(default, range);
    }

    [Fact]
    public void TryParse_RelativeBeyondTheCalendar_FailsInsteadOfOverflowing()
    {
        Assert.False(TimeRange.TryParse("999999999w", null, Now, out _, out var error));

        Assert.StartsWith("start \"999999999w\" is outside the times history can hold: from 2000-01-01", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "0001-01-01T00:00:00Z", "end")]
    [InlineData("0001-01-01", null, "start")]
    [InlineData("1999-12-31T23:59:59Z", null, "start")]
    [InlineData(null, "2026-03-11T12:00:01Z", "end")]
    [InlineData("9999-12-31", "9999-12-31T23:00Z", "end")]
    [InlineData("1h", "20000w", "end")]
    public void TryParse_OutsideTheSpan_FailsNamingTheBound(string? start, string? end, string name)
    {
        Assert.False(TimeRange.TryParse(start, end, Now, out _, out var error));

        Assert.StartsWith($"{name} ", error, StringComparison.Ordinal);
        Assert.Contains("is outside the times history can hold: from 2000-01-01 to a day from now (2026-03-11T12:00:00Z)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TheSpansBounds_AreAccepted()
    {
        Assert.True(TimeRange.TryParse("2000-01-01", "2000-01-02", Now, out var first, out var error), error);
        Assert.True(TimeRange.TryParse("2026-03-11T11:00:00Z", "2026-03-11T12:00:00Z", Now, out var last, out error), error);

        Assert.Equal(TimeRange.Earliest, first.Start);
        Assert.Equal(Now + TimeRange.MaxAhead, last.End);
    }

    [Fact]
    public void Previous_IsThePeriodOfEqualLengthJustBefore()
    {
        var range = new TimeRange(Now.AddHours(-24), Now);

        Assert.Equal(new TimeRange(Now.AddHours(-48), Now.AddHours(-24)), range.Previous);
        Assert.Equal(TimeSpan.FromHours(24), range.Length);
    }

    [Fact]
    public void Constructor_StartNotBeforeEnd_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TimeRange(Now, Now));
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
