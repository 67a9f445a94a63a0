using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary><c>GET sessions</c>: the active sessions, paged and filtered, as JSON or as a CSV download.</summary>
public static class SessionEndpoints
{
    public const int MaxCsvRows = 100_000;

    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/sessions", ListSessionsAsync)
            .Produces<ApiEnvelope<SessionsData>>(contentType: "application/json")
            .Produces<string>(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Active sessions, most recent first (format=csv for a download)");
        return group;
    }

    private static async Task<Results<Ok<ApiEnvelope<SessionsData>>, ContentHttpResult, BadRequest<ApiError>, JsonHttpResult<ApiError>>> ListSessionsAsync(
        [AsParameters] SessionsRequest request, HttpContext http, LiveReads reads, CancellationToken cancellationToken)
    {
        var (module, organization, user, offset, limit, format) =
            (request.Module, request.Organization, request.User, request.Offset, request.Limit, request.Format);
        var errors = new List<ValidationError>();
        AddIfInvalidId(errors, "module", module);
        AddIfInvalidId(errors, "organization", organization);
        AddIfInvalidId(errors, "user", user);
        if (offset < 0)
        {
            errors.Add(new("offset", "offset must be 0 or more."));
        }

        if (limit is < 1 or > SessionQuery.MaxPageSize)
        {
            errors.Add(new("limit", $"limit must be between 1 and {SessionQuery.MaxPageSize}."));
        }

        if (format is not (null or "json" or "csv"))
        {
            errors.Add(new("format", "format must be json or csv."));
        }

        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        var query = new SessionQuery
        {
            ModuleId = module,
            OrganizationId = organization,
            UserId = user,
            Offset = offset ?? 0,
            PageSize = limit ?? 50,
        };
        var masked = PersonalDataMask.AppliesTo(http.User);
        if (format == "csv")
        {
            return masked
                ? ApiResults.Error(StatusCodes.Status403Forbidden, "Forbidden", "The sessions CSV, with IP addresses and user agents, is for admins.")
                : TypedResults.Text(await ExportCsvAsync(reads, query, limit ?? MaxCsvRows, cancellationToken), "text/csv");
        }

        var page = await reads.SessionsAsync(query);
        var sessions = masked ? page.Sessions.Select(PersonalDataMask.Apply).ToList() : page.Sessions;
        return ApiResults.Ok(new SessionsData(sessions, page.Total, query.Offset, query.PageSize));
    }

    // The download is the page asked for; without a limit, every match from the offset on, up to MaxCsvRows.
    private static async Task<string> ExportCsvAsync(LiveReads reads, SessionQuery query, int rows, CancellationToken cancellationToken)
    {
        var sessions = new List<ActiveSession>();
        var page = query with { PageSize = Math.Min(rows, SessionQuery.MaxPageSize) };
        while (sessions.Count < rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await reads.SessionsAsync(page);
            sessions.AddRange(result.Sessions);
            if (result.Sessions.Count < page.PageSize)
            {
                break;
            }

            page = page with { Offset = page.Offset + page.PageSize };
        }

        return Csv.Write(
            ["session_id", "user_id", "organization_id", "module_id", "user_agent", "ip_address", "started_at", "last_activity_at"],
            sessions.Take(rows),
            session => [session.SessionId, session.UserId, session.OrganizationId, session.ModuleId, session.UserAgent,
                session.IpAddress, session.StartedAt, session.LastActivityAt]);
    }

    private static void AddIfInvalidId(List<ValidationError> errors, string field, string? value)
    {
        if (value is not null && ActivityValidator.ValidateId(field, value) is { } error)
        {
            errors.Add(error);
        }
    }
}
