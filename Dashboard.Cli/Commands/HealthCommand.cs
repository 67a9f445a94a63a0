using System.CommandLine;
using System.Globalization;
using Dashboard.Client;
using Dashboard.Cli.Rendering;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>health</c>: the spec's ✓/✗ lines. Exits 0 when healthy, 1 when the server reports itself unhealthy, 2 when it
/// cannot be reached, so it can serve as a probe.
/// </summary>
internal static class HealthCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("health", "Health of the dashboard, its live store and its database");
        runner.Handle(command, async (context, _, cancellationToken) =>
        {
            var health = await context.Client.GetAsync<HealthReport>(ApiRoutes.Health, cancellationToken).ConfigureAwait(false);
            context.Show(health, value => Render(context, value));
            return health.Value.IsHealthy ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static void Render(CommandContext context, HealthReport health)
    {
        Line(context, health.IsHealthy, health.IsHealthy ? "System is healthy" : "System is unhealthy");
        Line(context, health.ConcurrentUsers is not null,
            $"Current concurrent users: {(health.ConcurrentUsers is { } users ? TextFormat.Count(users) : "unknown")}");
        foreach (var check in health.Checks.OrderBy(check => Order(check.Name)))
        {
            var outcome = check.IsHealthy ? "OK" : $"{check.Status.ToUpperInvariant()} ({check.Description})";
            Line(context, check.IsHealthy, $"{Title(check.Name)}: {outcome}");
        }
    }

    private static void Line(CommandContext context, bool ok, string text) =>
        context.Console.MarkupLine(ok ? $"[green]✓[/] {Markup.Escape(text)}" : $"[red]✗[/] {Markup.Escape(text)}");

    // The spec's order: the live store, then the database, then anything the server adds later.
    private static int Order(string name) => name switch
    {
        "redis" or "live_store" => 0,
        "database" => 1,
        _ => 2,
    };

    private static string Title(string name) => name switch
    {
        "redis" => "Redis connection",
        "live_store" => "Live store (in-process)",
        "database" => "Database connection",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('_', ' ')),
    };
}
