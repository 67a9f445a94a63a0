using Dashboard.Core.Tracking;
using Dashboard.Data.Audit;
using Dashboard.Ranges;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary><c>GET audit</c>: what admins and keys did, and every sign-in, newest first; filtered, paged, or as CSV.</summary>
public static class AuditEndpoints
{
    public const int MaxCsvRows = 100_000;

    /// <summary>Without a start, the 30 days before the end are read.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/audit", ListAsync)
            .Produces<ApiEnvelope<AuditData>>(contentType: "application/json")
            .Produces<string>(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The audit trail, newest first: filter by actor, action, start and end (format=csv for a download)");
        return group;
    }

    private static async Task<Results<Ok<ApiEnvelope<AuditData>>, ContentHttpResult, BadRequest<ApiError>>> ListAsync(
        [AsParameters] AuditRequest request, AuditTrail trail, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (request.Actor is { Length: 0 or > AuditActor.MaxNameLength })
        {
            errors.Add(new("actor", $"actor must be 1 to {AuditActor.MaxNameLength} characters."));
        }

        if (request.Action is not null && !AuditActions.All.Contains(request.Action))
        {
            errors.Add(new("action", $"action must be one of: {string.Join(", ", AuditActions.All)}."));
        }

        if (!TimeRange.TryParse(request.Start, request.End, time.GetUtcNow(), out var range, out var rangeError))
        {
            errors.Add(new(rangeError.StartsWith("end ", StringComparison.Ordinal) ? "end" : "start", rangeError));
        }
        else if (request.Start is null)
        {
            range = new TimeRange(range.End - DefaultLength, range.End);
        }

        if (request.Offset < 0)
        {
            errors.Add(new("offset", "offset must be 0 or more."));
        }

        if (request.Limit is < 1 or > AuditQuery.MaxPageSize)
        {
            errors.Add(new("limit", $"limit must be between 1 and {AuditQuery.MaxPageSize}."));
        }

        if (request.Format is not (null or "json" or "csv"))
        {
            errors.Add(new("format", "format must be json or csv."));
        }

        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        var query = new AuditQuery
        {
            Actor = request.Actor,
            Action = request.Action,
            Start = range.Start,
            End = range.End,
            Offset = request.Offset ?? 0,
            PageSize = request.Limit ?? 50,
        };
        if (request.Format == "csv")
        {
            return TypedResults.Text(await ExportCsvAsync(trail, query, request.Limit ?? MaxCsvRows, cancellationToken), "text/csv");
        }

        var (entries, total) = await trail.ListAsync(query, cancellationToken);
        return ApiResults.Ok(new AuditData([.. entries.Select(AuditEntryData.From)], total, query.Offset, query.PageSize));
    }

    /// <summary>The rows of <paramref name="query"/> from its offset on, up to <paramref name="rows"/>, as the download's CSV.</summary>
    public static async Task<string> ExportCsvAsync(AuditTrail trail, AuditQuery query, int rows, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        var page = query with { PageSize = Math.Min(rows, AuditQuery.MaxPageSize) };
        while (entries.Count < rows)
        {
            var (found, _) = await trail.ListAsync(page, cancellationToken);
            entries.AddRange(found);
            if (found.Count < page.PageSize)
            {
                break;
            }

            page = page with { Offset = page.Offset + page.PageSize };
        }

        return Csv.Write(
            ["at", "actor", "action", "target", "details", "client_address"],
            entries.Take(rows),
            entry => [entry.At, entry.Actor, entry.Action, entry.Target, entry.Details, entry.ClientAddress]);
    }
}
