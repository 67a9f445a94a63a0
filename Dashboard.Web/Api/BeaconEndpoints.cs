using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Dashboard.Web.RateLimits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>POST beacon?key=SITE_KEY</c>: heartbeats from the platform's pages (<c>tracker.js</c>). The key is public, so the
/// page's <c>Origin</c> is checked against it here, on the server: <c>sendBeacon</c> does not wait for CORS to allow it.
/// </summary>
public static class BeaconEndpoints
{
    public static RouteGroupBuilder MapBeaconEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/beacon", BeaconAsync)
            .AllowAnonymous()
            .RequireCors(SiteKeyCorsPolicyProvider.PolicyName)
            .RateLimited(RateLimit.Beacon)
            .Accepts<BeaconRequest>("text/plain", "application/json")
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("A page's heartbeat with a site key (the track body as text/plain JSON, plus userSignature when the key requires it); "
                + "only from the key's allowed origins");
        return group;
    }

    private static async Task<Results<Ok<ApiEnvelope<TrackData>>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> BeaconAsync(
        string? key, HttpRequest request, ApiKeyTable keys, ActivityTracker tracker, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (key is null || keys.Find(key) is not { Site: { } site })
        {
            return Forbidden("Send ?key= with a site key in force (a key for machines is sent to /track instead).");
        }

        var origin = request.Headers.Origin.ToString();
        if (!site.Allows(origin))
        {
            return Forbidden(origin.Length == 0
                ? "The request has no Origin; beacons come from pages of the key's allowed origins."
                : $"The site key does not allow pages from {origin}.");
        }

        var body = await JsonBody.ReadAsync<BeaconRequest>(request, TrackEndpoints.MaxTrackBytes, json.Value.SerializerOptions, cancellationToken, plainText: true);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        if (body.Value.UserId is { Length: > 0 } userId && !site.Verifies(userId, body.Value.UserSignature))
        {
            return Forbidden("userSignature is not the signature of userId: the site key requires signed users (see docs/tracker.md).");
        }

        var activity = body.Value.ToActivity() with
        {
            UserAgent = request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            IpAddress = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
        };
        return TrackEndpoints.Answer(await tracker.TrackAsync(activity, cancellationToken));
    }

    private static JsonHttpResult<ApiError> Forbidden(string details) => ApiResults.Error(StatusCodes.Status403Forbidden, "Forbidden", details);
}
