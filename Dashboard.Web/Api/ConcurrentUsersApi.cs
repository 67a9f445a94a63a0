using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Dashboard.Web.RateLimits;

namespace Dashboard.Web.Api;

/// <summary>The REST API under <c>/api/concurrent-users</c>: the spec's endpoints and what users need beyond them.</summary>
public static class ConcurrentUsersApi
{
    public const string Prefix = "/api/concurrent-users";

    /// <summary>Answers every error under <see cref="Prefix"/> with the envelope: call before routing runs the endpoints.</summary>
    public static IApplicationBuilder UseConcurrentUsersApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), api => api.UseMiddleware<ApiErrorMiddleware>());

    public static RouteGroupBuilder MapConcurrentUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix)
            .WithTags("Concurrent users")
            .AddEndpointFilter<ApiLatencyFilter>()
            .AddEndpointFilter<StoreUnavailableFilter>()
            // Every call takes a token from its caller's read bucket unless its own mapping names another limit.
            .RateLimited(RateLimit.Read)
            // Any operation may meet its rate limit, a store that is down (StoreUnavailableFilter) or a fault (ApiErrorMiddleware).
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ApiError), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ApiError), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(ApiError), ["application/json"]));
        group.MapGroup("").RequireAuthorization(Policies.Ingest).RateLimited(RateLimit.Ingest).MapTrackEndpoints();
        // Anonymous by policy: the site key in the query and the page's origin are checked by the endpoint itself.
        group.MapBeaconEndpoints();
        group.MapGroup("").RequireAuthorization(Policies.Sessions).MapSessionEndpoints();
        var admin = group.MapGroup("").RequireAuthorization(Policies.Admin);
        admin.MapUserEndpoints();
        admin.MapApiKeyEndpoints();
        admin.MapAuditEndpoints();
        // Reads; the alert endpoints that change something add the Admin policy where they are mapped.
        var reads = group.MapGroup("").RequireAuthorization(Policies.Viewer);
        reads.MapLiveEndpoints();
        reads.MapHistoryEndpoints();
        reads.MapRealtimeEndpoints();
        reads.MapHealthEndpoints();
        reads.MapAlertEndpoints();
        return group;
    }
}
