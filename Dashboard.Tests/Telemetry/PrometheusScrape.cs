using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.Telemetry;

/// <summary>A Prometheus text exposition, read as a scraper does: series by name and labels.</summary>
internal sealed partial class PrometheusScrape(string text)
{
    public string Text { get; } = text;

    /// <summary>The value of the one series named <paramref name="name"/> that carries every label given; null when there is none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        var matches = Series()
            .Where(series => series.Name == name && labels.All(label => series.Labels.GetValueOrDefault(label.Label) == label.Value))
            .ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"{matches.Count} series of {name} match:\n{Text}"),
        };
    }

    public IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Series()
    {
        foreach (var line in Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Line().Match(line);
            if (line.StartsWith('#') || !match.Success)
            {
                continue;
            }

            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(label => label.Groups[1].Value, label => label.Groups[2].Value, StringComparer.Ordinal);
            yield return (match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex Line();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Label();
}
