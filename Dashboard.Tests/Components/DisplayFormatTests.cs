using System.Globalization;
using Dashboard.Web.Components.Formatting;

namespace Dashboard.Tests.Components;

public sealed class DisplayFormatTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly DateTimeOffset At = new(2026, 12, 1, 13, 5, 9, TimeSpan.Zero);

    [Fact]
    public void Numbers_ServerCultureGerman_ReadTheSameAsEverywhere()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("12,345", DisplayFormat.Count(12_345));
            Assert.Equal("2.3", DisplayFormat.OneDecimal(2.34));
            Assert.Equal("9.1%", DisplayFormat.Percent(0.091));
            Assert.Equal("1,250 ms", DisplayFormat.Milliseconds(1_250));
            Assert.Equal("+12.5%", DisplayFormat.Change(12.5));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Times_BrowserInParis_ShowParisWallClockAndName()
    {
        var format = new DisplayFormat(Paris);

        Assert.Equal("2026-12-01 14:05:09", format.DateTime(At));
        Assert.Equal("2026-12-01 14:05", format.Minute(At));
        Assert.Equal("14:05:09", format.Time(At));
        Assert.Equal("Europe/Paris", format.ZoneName);
    }

    [Fact]
    public void Times_Utc_ShowUtcAndSayIt()
    {
        Assert.Equal("2026-12-01 13:05:09", DisplayFormat.Utc.DateTime(At));
        Assert.Equal("UTC", DisplayFormat.Utc.ZoneName);
    }
}
