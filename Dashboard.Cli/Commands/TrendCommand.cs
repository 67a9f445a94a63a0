using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>trend [--start 24h] [--end now]</c>: concurrent users over a range, drawn in the terminal.</summary>
internal static class TrendCommand
{
    private const int SparklineWidth = 60;
    private const int Bars = 12;

    public static Command Create(CommandRunner runner)
    {
        var range = new HistoryOptions("24h");
        var command = new Command("trend", "Trend of concurrent users over a time range, as a chart");
        range.AddTo(command);
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var (start, end, scope) = range.Read(parse, context.Time);
            var trend = await context.Client.GetAsync<UsersTrend>(ApiRoutes.Trend(start, end, scope), cancellationToken).ConfigureAwait(false);
            return context.Show(trend, value => Render(context, value, start, end));
        });
        return command;
    }

    private static void Render(CommandContext context, UsersTrend trend, string start, string end)
    {
        var resolution = trend.Resolution is { Length: > 0 } ? $", resolution {trend.Resolution}" : "";
        context.Out.WriteLine($"Concurrent users, {start} to {end} ({trend.Points.Count} points{resolution})");
        if (trend.Points.Count == 0)
        {
            context.Out.WriteLine("No history in this range.");
            return;
        }

        var values = trend.Points.Select(point => point.ConcurrentUsers).ToList();
        context.Out.WriteLine(Sparkline.Render([.. TrendBuckets.Means(trend.Points, SparklineWidth).Select(bucket => bucket.Users)]));
        context.Out.WriteLine(
            $"Min {TextFormat.Number(values.Min(), 0)}  Max {TextFormat.Number(values.Max(), 0)}  Last {TextFormat.Number(values[^1], 0)}" +
            (trend.ChangePercent is { } change ? $"  Change {TextFormat.Percent(change)}" : ""));

        var multiDay = trend.Points[^1].Timestamp - trend.Points[0].Timestamp > TimeSpan.FromDays(1);
        var chart = new BarChart().Width(Math.Min(context.Console.Profile.Width, 80));
        foreach (var (bucketStart, users) in TrendBuckets.Means(trend.Points, Bars))
        {
            var label = bucketStart.UtcDateTime.ToString(multiDay ? "MM-dd HH:mm" : "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            chart.AddItem(label, Math.Round(users), Color.Green);
        }

        context.Console.Write(chart);
    }
}
