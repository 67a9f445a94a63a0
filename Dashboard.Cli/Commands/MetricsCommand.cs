using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;

namespace Dashboard.Cli.Commands;

/// <summary><c>metrics [--verbose] [--top N]</c>: the latest poll in full, users per module and the top organizations.</summary>
internal static class MetricsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also show the poll time, activity window and each one's share" };
        var top = new Option<int?>("--top") { Description = "How many organizations to list (server default 10)" };
        var command = new Command("metrics", "Comprehensive metrics: counts, users per module, top organizations") { verbose, top };
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var metrics = await context.Client.GetAsync<LiveMetrics>(ApiRoutes.Metrics(parse.GetValue(top)), cancellationToken).ConfigureAwait(false);
            return context.Show(metrics, value => Render(context, value, parse.GetValue(verbose)));
        });
        return command;
    }

    private static void Render(CommandContext context, LiveMetrics metrics, bool verbose)
    {
        context.Out.WriteLine($"Concurrent users: {TextFormat.Count(metrics.ConcurrentUsers)}");
        context.Out.WriteLine($"Active sessions: {TextFormat.Count(metrics.ActiveSessions)}");
        if (verbose)
        {
            context.Out.WriteLine($"As of: {TextFormat.Time(metrics.Timestamp)}");
            context.Out.WriteLine($"Activity window: {metrics.ActivityWindowSeconds} s");
            context.Out.WriteLine($"Organizations active: {TextFormat.Count(metrics.TotalOrganizations)} ({metrics.Organizations.Count} listed)");
        }

        if (metrics.Modules.Count > 0)
        {
            context.Console.Write(CountTable.Create(
                "Module", metrics.Modules.Select(module => (module.ModuleId, module.ConcurrentUsers)), metrics.ConcurrentUsers, verbose));
        }

        if (metrics.Organizations.Count > 0)
        {
            context.Console.Write(CountTable.Create(
                "Organization", metrics.Organizations.Select(organization => (organization.OrganizationId, organization.ConcurrentUsers)),
                metrics.ConcurrentUsers, verbose));
        }
    }
}
