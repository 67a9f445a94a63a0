using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;

namespace Dashboard.Cli.Commands;

/// <summary><c>current</c>: distinct users active within the activity window, and their sessions.</summary>
internal static class CurrentCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("current", "Current concurrent users (distinct users active within the activity window)");
        runner.Handle(command, async (context, _, cancellationToken) =>
        {
            var current = await context.Client.GetAsync<CurrentUsers>(ApiRoutes.Current, cancellationToken).ConfigureAwait(false);
            return context.Show(current, value =>
            {
                context.Out.WriteLine($"Current concurrent users: {TextFormat.Count(value.ConcurrentUsers)}");
                context.Out.WriteLine($"Active sessions: {TextFormat.Count(value.ActiveSessions)}");
                context.Out.WriteLine($"As of: {TextFormat.Time(value.Timestamp)}");
            });
        });
        return command;
    }
}
