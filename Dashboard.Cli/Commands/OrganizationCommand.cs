using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;

namespace Dashboard.Cli.Commands;

/// <summary><c>organization &lt;id&gt;</c>: users active in one organization now, by module.</summary>
internal static class OrganizationCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The organization's id, e.g. org123" };
        var command = new Command("organization", "Users active in one organization, by module") { id };
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var organization = await context.Client
                .GetAsync<OrganizationUsers>(ApiRoutes.Organization(parse.GetRequiredValue(id)), cancellationToken).ConfigureAwait(false);
            return context.Show(organization, value =>
            {
                context.Out.WriteLine($"Organization {value.OrganizationId}: {TextFormat.Count(value.ConcurrentUsers)} concurrent users");
                context.Out.WriteLine($"As of: {TextFormat.Time(value.Timestamp)}");
                if (value.Modules.Count > 0)
                {
                    context.Console.Write(CountTable.Create(
                        "Module", value.Modules.Select(module => (module.ModuleId, module.ConcurrentUsers)), value.ConcurrentUsers, withShare: true));
                }
            });
        });
        return command;
    }
}
