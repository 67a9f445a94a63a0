using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary><c>POST track</c> and <c>POST track/batch</c>: the way activity comes in from platform services.</summary>
public static class TrackEndpoints
{
    public const long MaxTrackBytes = 16 * 1024;
    public const long MaxBatchBytes = 1024 * 1024;

    public static RouteGroupBuilder MapTrackEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/track", TrackAsync)
            .AcceptsJson<TrackRequest>()
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .WithSummary("Track user activity (a heartbeat; isActive=false ends the session)");
        group.MapPost("/track/batch", TrackBatchAsync)
            .AcceptsJson<TrackBatchRequest>()
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .WithSummary($"Track up to {ActivityTracker.MaxBatchSize} activities, all or nothing");
        return group;
    }

    private static async Task<Results<Ok<ApiEnvelope<TrackData>>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> TrackAsync(
        HttpRequest request, ActivityTracker tracker, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TrackRequest>(request, MaxTrackBytes, json.Value.SerializerOptions, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        return Answer(await tracker.TrackAsync(body.Value.ToActivity(), cancellationToken));
    }

    private static async Task<Results<Ok<ApiEnvelope<TrackData>>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> TrackBatchAsync(
        HttpRequest request, ActivityTracker tracker, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TrackBatchRequest>(request, MaxBatchBytes, json.Value.SerializerOptions, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        var activities = (body.Value.Activities ?? []).Select(item => (item ?? new TrackRequest()).ToActivity()).ToList();
        return Answer(await tracker.TrackBatchAsync(activities, cancellationToken));
    }

    /// <summary>A tracking result as the API answers it; the beacon answers the same.</summary>
    internal static Results<Ok<ApiEnvelope<TrackData>>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>> Answer(TrackResult result) => result switch
    {
        { IsValid: true } => ApiResults.Ok(new TrackData(result.Accepted)),
        { SessionTaken: true } => ApiResults.SessionTaken(result.Errors),
        _ => ApiResults.Invalid(result.Errors),
    };
}
