using Dashboard.Web.Api;

namespace Dashboard.Tests.Api;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Mozilla/5.0 = fine", "Mozilla/5.0 = fine")]
    public void Write_TextThatASpreadsheetWouldRun_OpensAsText(string value, string expected)
    {
        var csv = Csv.Write(["user_agent"], [value], row => [row]);

        Assert.Equal($"user_agent\r\n{expected}\r\n", csv);
    }

    [Fact]
    public void Write_NegativeNumber_StaysANumber()
    {
        var csv = Csv.Write(["change"], [-12.5], row => [row]);

        Assert.Equal("change\r\n-12.5\r\n", csv);
    }
}
