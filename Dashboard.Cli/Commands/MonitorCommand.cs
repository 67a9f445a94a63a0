using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Monitor;
using Dashboard.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dashboard.Cli.Commands;

/// <summary>
/// <c>monitor [--interval N]</c>: live counts from the realtime stream (polling when it is unavailable), redrawn in
/// place on a terminal and one line per update otherwise; Ctrl+C ends it with exit code 0.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(CommandRunner runner)
    {
        var interval = new Option<int>("--interval", "-i")
        {
            Description = "Seconds between polls when the realtime stream is unavailable",
            DefaultValueFactory = _ => 10,
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3600)
            {
                result.AddError("--interval must be between 1 and 3600 seconds.");
            }
        });
        var count = new Option<int?>("--count", "-n") { Description = "Stop after this many updates (default: until Ctrl+C)" };
        var command = new Command("monitor", "Monitor concurrent users in real time") { interval, count };
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var feed = new LiveFeed(context.Client, TimeSpan.FromSeconds(parse.GetValue(interval)), context.Time, context.Error.WriteLine);
            var updates = feed.ReadAsync(cancellationToken);
            if (parse.GetValue(count) is { } limit)
            {
                updates = updates.Take(limit);
            }

            try
            {
                await (context.IsLive ? RedrawAsync(context, updates) : PrintAsync(context, updates)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how a monitor is meant to end.
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task PrintAsync(CommandContext context, IAsyncEnumerable<RealtimeUpdate> updates)
    {
        await foreach (var update in updates.ConfigureAwait(false))
        {
            if (context.Json)
            {
                context.WriteJsonLine(update);
            }
            else
            {
                context.Out.WriteLine(Line(update));
            }

            await context.Out.FlushAsync().ConfigureAwait(false);
        }
    }

    private static async Task RedrawAsync(CommandContext context, IAsyncEnumerable<RealtimeUpdate> updates)
    {
        var display = context.Console.Live(new Markup($"Connecting to {Markup.Escape(context.Url.ToString())} ..."));
        await display.StartAsync(async live =>
        {
            await foreach (var update in updates.ConfigureAwait(false))
            {
                live.UpdateTarget(Panel(context, update));
                live.Refresh();
            }
        }).ConfigureAwait(false);
    }

    /// <summary>One update as one line: time, counts, then users per module.</summary>
    public static string Line(RealtimeUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.LiveStoreError is { } error)
        {
            return $"{TextFormat.Time(update.Timestamp)}  live store error: {error}";
        }

        var modules = string.Join(' ', update.Modules.Select(module => $"{module.ModuleId}={TextFormat.Count(module.ConcurrentUsers)}"));
        return $"{TextFormat.Time(update.Timestamp)}  users={TextFormat.Count(update.ConcurrentUsers)} sessions={TextFormat.Count(update.ActiveSessions)}" +
            (modules.Length > 0 ? "  " + modules : "");
    }

    private static Panel Panel(CommandContext context, RealtimeUpdate update)
    {
        var rows = new List<IRenderable>();
        if (update.LiveStoreError is { } error)
        {
            rows.Add(new Markup($"[red]Live store error:[/] {Markup.Escape(error)}"));
        }
        else
        {
            rows.Add(new Markup($"[bold]{TextFormat.Count(update.ConcurrentUsers)}[/] concurrent users, {TextFormat.Count(update.ActiveSessions)} active sessions"));
            if (update.Modules.Count > 0)
            {
                rows.Add(CountTable.Create(
                    "Module", update.Modules.Select(module => (module.ModuleId, module.ConcurrentUsers)), update.ConcurrentUsers, withShare: true));
            }
        }

        rows.Add(new Markup($"[grey]{Markup.Escape(context.Url.ToString())} · updated {TextFormat.Time(update.Timestamp)} · Ctrl+C to exit[/]"));
        return new Panel(new Rows(rows)).Header("Concurrent users");
    }
}
