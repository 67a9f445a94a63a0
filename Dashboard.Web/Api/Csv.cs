using System.Buffers;
using System.Globalization;
using System.Text;

namespace Dashboard.Web.Api;

/// <summary>
/// RFC 4180 CSV for the downloads: a header row, then one row per item, fields quoted when they need it. Text that a
/// spreadsheet would run as a formula (a user agent of <c>=HYPERLINK(...)</c>) is written with a leading apostrophe,
/// as OWASP's CSV-injection advice says, so it opens as text.
/// </summary>
public static class Csv
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static string Write<T>(IEnumerable<string> header, IEnumerable<T> rows, Func<T, IEnumerable<object?>> fields)
    {
        var csv = new StringBuilder();
        AppendRow(csv, header);
        foreach (var row in rows)
        {
            AppendRow(csv, fields(row).Select(Format));
        }

        return csv.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        string text => Neutralize(text),
        _ => Neutralize(value.ToString() ?? ""),
    };

    // Only text is neutralized: numbers and times are ours, and a negative number must stay a number.
    private static string Neutralize(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n\t") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
