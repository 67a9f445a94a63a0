using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;

namespace Dashboard.Cli.Commands;

/// <summary><c>average --start 1h [--end now]</c>: the average number of concurrent users over a range.</summary>
internal static class AverageCommand
{
    public static Command Create(CommandRunner runner)
    {
        var range = new HistoryOptions("1h");
        var command = new Command("average", "Average concurrent users over a time range");
        range.AddTo(command);
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var (start, end, scope) = range.Read(parse, context.Time);
            var average = await context.Client.GetAsync<UsersAverage>(ApiRoutes.Average(start, end, scope), cancellationToken).ConfigureAwait(false);
            return context.Show(average, value =>
            {
                context.Out.WriteLine($"Average concurrent users: {TextFormat.Number(value.AverageUsers)}");
                context.Out.WriteLine($"Range: {TextFormat.Time(value.Start)} to {TextFormat.Time(value.End)}");
            });
        });
        return command;
    }
}
