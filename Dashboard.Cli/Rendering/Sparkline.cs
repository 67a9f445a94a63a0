namespace Dashboard.Cli.Rendering;

/// <summary>A one-line chart of block characters, lowest value to highest, for a trend at a glance.</summary>
internal static class Sparkline
{
    private const string Levels = "▁▂▃▄▅▆▇█";

    public static string Render(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return "";
        }

        var min = values.Min();
        var span = values.Max() - min;
        return string.Concat(values.Select(value =>
            span == 0 ? Levels[0] : Levels[(int)Math.Round((value - min) / span * (Levels.Length - 1))]));
    }
}
