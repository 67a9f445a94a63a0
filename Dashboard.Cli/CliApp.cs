using System.CommandLine;
using System.CommandLine.Invocation;
using Dashboard.Cli.Commands;

namespace Dashboard.Cli;

/// <summary>The <c>aibos-concurrent-users</c> command line: every command, parsed and run against one host.</summary>
internal static class CliApp
{
    public const string Name = "aibos-concurrent-users";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliHost host, CancellationToken cancellationToken)
    {
        var options = new GlobalOptions(host);
        var runner = new CommandRunner(host, options);
        var root = new RootCommand("Concurrent users of the platform, from the dashboard's REST API and realtime stream.")
        {
            options.Url,
            options.ApiKey,
            options.Json,
            options.Timeout,
            CurrentCommand.Create(runner),
            MetricsCommand.Create(runner),
            MonitorCommand.Create(runner),
            ModuleCommand.Create(runner),
            OrganizationCommand.Create(runner),
            SessionsCommand.Create(runner),
            PeakCommand.Create(runner),
            AverageCommand.Create(runner),
            TrendCommand.Create(runner),
            PerformanceCommand.Create(runner),
            HealthCommand.Create(runner),
            TrackCommand.Create(runner),
            LoadCommand.Create(runner),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                host.Error.WriteLine($"Error: {error.Message}");
            }

            host.Error.WriteLine($"Run '{Name} {CommandPath(parse)}--help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            // Ctrl+C is the host's: it cancels the token, and a command that can stop cleanly (monitor, load) does.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static string CommandPath(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
}
