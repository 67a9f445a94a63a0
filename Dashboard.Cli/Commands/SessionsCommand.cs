using System.CommandLine;
using Dashboard.Client;
using Dashboard.Cli.Rendering;
using Spectre.Console;

namespace Dashboard.Cli.Commands;

/// <summary><c>sessions</c>: the active sessions, most recent first, filtered and paged.</summary>
internal static class SessionsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var module = new Option<string?>("--module", "-m") { Description = "Only sessions in this module" };
        var organization = new Option<string?>("--organization", "-o") { Description = "Only sessions of this organization" };
        var user = new Option<string?>("--user", "-u") { Description = "Only sessions of this user" };
        var offset = new Option<int>("--offset") { Description = "Skip this many sessions" };
        var limit = new Option<int>("--limit") { Description = "List at most this many", DefaultValueFactory = _ => 50 };
        var command = new Command("sessions", "Active sessions, most recent first") { module, organization, user, offset, limit };
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var filter = new SessionFilter(parse.GetValue(module), parse.GetValue(organization), parse.GetValue(user));
            var route = ApiRoutes.Sessions(filter, parse.GetValue(offset), parse.GetValue(limit));
            var page = await context.Client.GetAsync<SessionsPage>(route, cancellationToken).ConfigureAwait(false);
            return context.Show(page, value => Render(context, value));
        });
        return command;
    }

    private static void Render(CommandContext context, SessionsPage page)
    {
        if (page.Sessions.Count == 0)
        {
            context.Out.WriteLine($"No active sessions match ({TextFormat.Count(page.Total)} in all).");
            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var heading in new[] { "Session", "User", "Organization", "Module", "Last activity" })
        {
            table.AddColumn(heading);
        }

        foreach (var session in page.Sessions)
        {
            table.AddRow(
                Markup.Escape(session.SessionId), Markup.Escape(session.UserId), Markup.Escape(session.OrganizationId),
                Markup.Escape(session.ModuleId), TextFormat.TimeOfDay(session.LastActivityAt));
        }

        context.Console.Write(table);
        context.Out.WriteLine(
            $"Sessions {TextFormat.Count(page.Offset + 1)}-{TextFormat.Count(page.Offset + page.Sessions.Count)} of {TextFormat.Count(page.Total)}");
    }
}
