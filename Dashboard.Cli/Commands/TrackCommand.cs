using System.CommandLine;
using Dashboard.Client;

namespace Dashboard.Cli.Commands;

/// <summary><c>track -u -o -s -m [--inactive]</c>: records one activity, as a platform service would.</summary>
internal static class TrackCommand
{
    public static Command Create(CommandRunner runner)
    {
        var user = new Option<string>("--user", "-u") { Description = "The user's id", Required = true };
        var organization = new Option<string>("--organization", "-o") { Description = "The organization's id", Required = true };
        var session = new Option<string>("--session", "-s") { Description = "The session's id", Required = true };
        var module = new Option<string>("--module", "-m") { Description = "The module's id, e.g. accounting", Required = true };
        var userAgent = new Option<string?>("--user-agent") { Description = "The browser's user agent" };
        var ipAddress = new Option<string?>("--ip") { Description = "The client's IP address" };
        var inactive = new Option<bool>("--inactive") { Description = "End the session instead of recording activity" };
        var command = new Command("track", "Track one activity (a heartbeat) of a user's session")
        {
            user, organization, session, module, userAgent, ipAddress, inactive,
        };
        runner.Handle(command, async (context, parse, cancellationToken) =>
        {
            var activity = new UserActivity(
                parse.GetRequiredValue(user), parse.GetRequiredValue(organization), parse.GetRequiredValue(session), parse.GetRequiredValue(module))
            {
                UserAgent = parse.GetValue(userAgent),
                IpAddress = parse.GetValue(ipAddress),
                IsActive = !parse.GetValue(inactive),
            };
            var result = await context.Client.TrackActivityAsync(activity, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJsonLine(result);
            }
            else
            {
                context.Out.WriteLine(activity.IsActive
                    ? $"✓ Tracked {activity.UserId} in {activity.ModuleId} (organization {activity.OrganizationId}, session {activity.SessionId})"
                    : $"✓ Ended session {activity.SessionId} of {activity.UserId}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
