using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.RateLimits;
using Dashboard.Web.Telemetry;
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
        HttpRequest request, ActivityTracker tracker, DashboardMetrics metrics, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TrackRequest>(request, MaxTrackBytes, json.Value.SerializerOptions, cancellationToken);
        if (!body.Succeeded)
        {
            CountEvents(metrics, 1, "invalid");
            return body.Error;
        }

        return Answer(await CountedAsync(metrics, 1, () => tracker.TrackAsync(body.Value.ToActivity(), cancellationToken)));
    }

    private static async Task<Results<Ok<ApiEnvelope<TrackData>>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> TrackBatchAsync(
        HttpRequest request, ActivityTracker tracker, DashboardMetrics metrics, DashboardRateLimiter limiter, IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TrackBatchRequest>(request, MaxBatchBytes, json.Value.SerializerOptions, cancellationToken);
        if (!body.Succeeded)
        {
            // Unread, so its events cannot be counted: the request is (as invalid).
            return body.Error;
        }

        var activities = (body.Value.Activities ?? []).Select(item => (item ?? new TrackRequest()).ToActivity()).ToList();
        // The request took one token as it came in; a batch costs one per activity.
        if (activities.Count > 1 && !limiter.TryTake(request.HttpContext, activities.Count - 1, out var retryAfter))
        {
            CountEvents(metrics, activities.Count, "rate_limited");
            return RateLimitRejection.Refuse(request.HttpContext, RateLimit.Ingest, retryAfter);
        }

        return Answer(await CountedAsync(metrics, activities.Count, () => tracker.TrackBatchAsync(activities, cancellationToken)));
    }

    // A batch is all or nothing: its events share the outcome.
    private static async Task<TrackResult> CountedAsync(DashboardMetrics metrics, int events, Func<Task<TrackResult>> track)
    {
        try
        {
            var result = await track();
            CountEvents(metrics, result.IsValid ? result.Accepted : events, result.IsValid ? "accepted" : "invalid");
            return result;
        }
        catch (StoreUnavailableException)
        {
            CountEvents(metrics, events, "store_unavailable");
            throw;
        }
    }

    private static void CountEvents(DashboardMetrics metrics, int events, string outcome) =>
        metrics.TrackEvents.Add(events, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A tracking result as the API answers it; the beacon answers the same.</summary>
    internal static Results<Ok<ApiEnvelope<TrackData>>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>> Answer(TrackResult result) => result switch
    {
        { IsValid: true } => ApiResults.Ok(new TrackData(result.Accepted)),
        { SessionTaken: true } => ApiResults.SessionTaken(result.Errors),
        _ => ApiResults.Invalid(result.Errors),
    };
}
