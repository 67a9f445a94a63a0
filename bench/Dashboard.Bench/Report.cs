using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dashboard.Bench;

/// <summary>The results file: one table row per figure of the issue, then the details each figure was computed from.</summary>
internal sealed class Report
{
    private readonly SortedDictionary<int, string> _rows = [];
    private readonly SortedDictionary<int, StringBuilder> _details = [];

    /// <param name="higherIsBetter">True when the ratio must reach the target, false when it must stay under it.</param>
    /// <param name="extraCondition">What else the figure requires besides its ratio (a figure with two conditions).</param>
    public void Figure(int number, string what, string measured, double ratio, double target, bool higherIsBetter, string limit, bool extraCondition = true)
    {
        var pass = (higherIsBetter ? ratio >= target : ratio <= target) && extraCondition;
        var sign = higherIsBetter ? "≥" : "≤";
        _rows[number] = $"| {number} | {what} | {measured} | {Format(ratio)} | {sign} {Format(target)} | {(pass ? "pass" : "**miss**")} | {limit} |";
        Console.WriteLine($"[{number}] {what}: {measured} -> {Format(ratio)} (target {sign} {Format(target)}) {(pass ? "pass" : "MISS")} {limit}");
    }

    public void Detail(int number, string line)
    {
        if (!_details.TryGetValue(number, out var text))
        {
            text = new StringBuilder();
            _details[number] = text;
        }

        text.AppendLine(line);
        Console.WriteLine($"    {line}");
    }

    /// <summary>Keeps the figures of one invocation for the next (run.sh restarts the app between them).</summary>
    public async Task SaveAsync(string path) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new Dictionary<string, Dictionary<int, string>>
        {
            ["rows"] = new(_rows),
            ["details"] = _details.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
        }));

    public static async Task<Report> LoadAsync(string path)
    {
        var report = new Report();
        if (!File.Exists(path))
        {
            return report;
        }

        var saved = JsonSerializer.Deserialize<Dictionary<string, Dictionary<int, string>>>(await File.ReadAllTextAsync(path))!;
        foreach (var (number, row) in saved["rows"])
        {
            report._rows[number] = row;
        }

        foreach (var (number, details) in saved["details"])
        {
            report._details[number] = new StringBuilder(details);
        }

        return report;
    }

    public string ToMarkdown(string title, IEnumerable<string> setup)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine();
        foreach (var line in setup)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        text.AppendLine()
            .AppendLine("| # | Figure | Measured | Ratio | Target | Result | What limits it |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in _rows.Values)
        {
            text.AppendLine(row);
        }

        foreach (var (number, details) in _details)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {number}").AppendLine().Append(details);
        }

        return text.ToString();
    }

    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("N1", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
