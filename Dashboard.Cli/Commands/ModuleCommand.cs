using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;

namespace Dashboard.Cli.Commands;

/// <summary><c>module &lt;id&gt;</c>: users active in one module now.</summary>
internal static class ModuleCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The module's id, e.g. accounting" };
        var command = new Command("module", "Users active in one module") { id };
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var module = await context.Client.GetAsync<ModuleUsers>(ApiRoutes.Module(parse.GetRequiredValue(id)), cancellationToken).ConfigureAwait(false);
            return context.Show(module, value =>
            {
                context.Out.WriteLine($"Module {value.ModuleId}: {TextFormat.Count(value.ConcurrentUsers)} concurrent users");
                context.Out.WriteLine($"As of: {TextFormat.Time(value.Timestamp)}");
            });
        });
        return command;
    }
}
