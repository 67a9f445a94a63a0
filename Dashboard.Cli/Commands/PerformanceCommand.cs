using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>performance --start 1h [--end now] [--module ID]</c>: requests, error rate and P50/P95/P99 over a range, overall
/// with a table of modules, or for one module.
/// </summary>
internal static class PerformanceCommand
{
    public static Command Create(CommandRunner runner)
    {
        var range = new HistoryOptions("1h", organizations: false);
        var command = new Command("performance", "Requests, error rate and response-time percentiles over a time range");
        range.AddTo(command);
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var (start, end, scope) = range.Read(parse, context.Time);
            var performance = await context.Client
                .GetAsync<PerformanceRange>(ApiRoutes.Performance(start, end, scope?.ModuleId), cancellationToken).ConfigureAwait(false);
            return context.Show(performance, value => Render(context, value));
        });
        return command;
    }

    private static void Render(CommandContext context, PerformanceRange performance)
    {
        context.Out.WriteLine(
            $"Requests: {TextFormat.Count(performance.Requests)}, errors: {TextFormat.Count(performance.Errors)} ({Rate(performance.ErrorRate)})");
        context.Out.WriteLine(performance.P50 is null
            ? "Response times: none (no requests in this range)"
            : $"Response times: P50 {Milliseconds(performance.P50)}, P95 {Milliseconds(performance.P95)}, P99 {Milliseconds(performance.P99)}");
        context.Out.WriteLine($"Range: {TextFormat.Time(performance.Start)} to {TextFormat.Time(performance.End)}");
        if (performance.Modules.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Module");
        foreach (var heading in new[] { "Requests", "Errors", "Error rate", "P50", "P95", "P99" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var module in performance.Modules)
        {
            table.AddRow(
                Markup.Escape(module.ModuleId), TextFormat.Count(module.Requests), TextFormat.Count(module.Errors), Rate(module.ErrorRate),
                Milliseconds(module.P50), Milliseconds(module.P95), Milliseconds(module.P99));
        }

        context.Console.Write(table);
    }

    private static string Rate(double rate) => TextFormat.Number(rate * 100, 2) + "%";

    private static string Milliseconds(double? milliseconds) => milliseconds is { } value ? TextFormat.Milliseconds(value) : "-";
}
