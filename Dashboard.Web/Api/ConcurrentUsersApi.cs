using Dashboard.Web.Api.Contracts;

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
            // Any operation may meet a store that is down (StoreUnavailableFilter) or a fault (ApiErrorMiddleware).
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ApiError), ["application/json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(ApiError), ["application/json"]));
        group.MapTrackEndpoints();
        group.MapLiveEndpoints();
        group.MapHistoryEndpoints();
        group.MapSessionEndpoints();
        group.MapRealtimeEndpoints();
        group.MapHealthEndpoints();
        group.MapAlertEndpoints();
        return group;
    }
}
