using Spectre.Console;

namespace Dashboard.Cli.Rendering;

/// <summary>A two-column table of names and user counts (modules, organizations), with each one's share when asked.</summary>
internal static class CountTable
{
    public static Table Create(string heading, IEnumerable<(string Name, long Users)> rows, long total, bool withShare)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(heading).AddColumn(new TableColumn("Users").RightAligned());
        if (withShare)
        {
            table.AddColumn(new TableColumn("Share").RightAligned());
        }

        foreach (var (name, users) in rows)
        {
            var cells = new List<string> { Markup.Escape(name), TextFormat.Count(users) };
            if (withShare)
            {
                cells.Add(total > 0 ? TextFormat.Number(100.0 * users / total) + "%" : "-");
            }

            table.AddRow([.. cells]);
        }

        return table;
    }
}
