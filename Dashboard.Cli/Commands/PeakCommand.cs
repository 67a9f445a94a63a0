using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;

namespace Dashboard.Cli.Commands;

/// <summary><c>peak --start 24h --end now</c>: the most concurrent users in a range, and when.</summary>
internal static class PeakCommand
{
    public static Command Create(CommandRunner runner)
    {
        var range = new HistoryOptions("24h");
        var command = new Command("peak", "Peak concurrent users in a time range");
        range.AddTo(command);
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var (start, end, scope) = range.Read(parse, context.Time);
            var peak = await context.Client.GetAsync<UsersPeak>(ApiRoutes.Peak(start, end, scope), cancellationToken).ConfigureAwait(false);
            return context.Show(peak, value =>
            {
                context.Out.WriteLine(value.PeakAt is { } at
                    ? $"Peak concurrent users: {TextFormat.Count(value.PeakUsers)} at {TextFormat.Time(at)}"
                    : $"Peak concurrent users: {TextFormat.Count(value.PeakUsers)} (no history in this range)");
                context.Out.WriteLine($"Range: {TextFormat.Time(value.Start)} to {TextFormat.Time(value.End)}");
            });
        });
        return command;
    }
}
