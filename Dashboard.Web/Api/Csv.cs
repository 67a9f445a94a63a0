using System.Globalization;
using System.Text;

namespace Dashboard.Web.Api;

/// <summary>RFC 4180 CSV for the downloads: a header row, then one row per item, fields quoted when they need it.</summary>
public static class Csv
{
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
        _ => value.ToString() ?? "",
    };

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
