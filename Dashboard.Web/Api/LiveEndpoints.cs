using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Configuration;
using Dashboard.Core.Tracking;
using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// Reads of "now": counts from the latest poll in the hub, and an organization's split by module from
/// <see cref="LiveReads"/> (once per poll), so API traffic never adds more than one store read per question per poll.
/// </summary>
public static class LiveEndpoints
{
    public const int DefaultTopOrganizations = 10;

    public static RouteGroupBuilder MapLiveEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/current", GetCurrent).WithSummary("Current concurrent users");
        group.MapGet("/metrics", GetMetrics).WithSummary("Comprehensive live metrics");
        group.MapGet("/module/{id}", GetModule).WithSummary("Users in one module");
        group.MapGet("/organization/{id}", GetOrganizationAsync).WithSummary("Users in one organization, by module");
        return group;
    }

    private static Results<Ok<ApiEnvelope<CurrentUsersData>>, JsonHttpResult<ApiError>> GetCurrent(MetricsHub hub) =>
        Fresh(hub) is { } snapshot
            ? ApiResults.Ok(new CurrentUsersData(snapshot.ConcurrentUsers, snapshot.ActiveSessions, snapshot.Timestamp))
            : Unavailable(hub);

    private static Results<Ok<ApiEnvelope<MetricsData>>, BadRequest<ApiError>, JsonHttpResult<ApiError>> GetMetrics(
        MetricsHub hub, ModuleBound modules, IOptions<TrackingOptions> tracking, [Range(1, TrackingOptionsValidator.MaxTopOrganizations)] int? top)
    {
        var ranked = tracking.Value.TopOrganizations;
        if (top < 1 || top > ranked)
        {
            return ApiResults.Invalid("top", $"top must be between 1 and {ranked} (Dashboard:Tracking:TopOrganizations).");
        }

        return Fresh(hub) is not { } snapshot
            ? Unavailable(hub)
            : ApiResults.Ok(MetricsData.From(snapshot, tracking.Value.ActivityWindow, top ?? DefaultTopOrganizations) with
            {
                Resources = hub.Latest?.Resources,
                UnacknowledgedAlerts = hub.Latest?.UnacknowledgedAlerts,
                SessionUpdatesDropped = hub.Latest?.SessionQueue?.Dropped ?? 0,
                ActivitiesCountedAsOther = modules.CountedAsOther,
                Performance = hub.Latest?.Performance is { } performance ? PerformanceData.From(performance, MetricsPoller.PerformanceWindow) : null,
            });
    }

    private static Results<Ok<ApiEnvelope<ModuleUsersData>>, BadRequest<ApiError>, JsonHttpResult<ApiError>> GetModule(
        [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)] string id, MetricsHub hub)
    {
        if (ActivityValidator.ValidateId("id", id) is { } invalid)
        {
            return ApiResults.Invalid([invalid]);
        }

        return Fresh(hub) is not { } snapshot
            ? Unavailable(hub)
            : ApiResults.Ok(new ModuleUsersData(
                id, snapshot.Modules.FirstOrDefault(module => module.Id == id)?.Users ?? 0, snapshot.Timestamp));
    }

    // The split by module is not part of the poll snapshot: it is read from the store, once per poll.
    private static async Task<Results<Ok<ApiEnvelope<OrganizationUsersData>>, BadRequest<ApiError>>> GetOrganizationAsync(
        [RegularExpression(ActivityValidator.IdPatternText), MaxLength(ActivityValidator.MaxIdLength)] string id, LiveReads reads, TimeProvider time)
    {
        if (ActivityValidator.ValidateId("id", id) is { } invalid)
        {
            return ApiResults.Invalid([invalid]);
        }

        var usage = await reads.OrganizationAsync(id);
        return ApiResults.Ok(new OrganizationUsersData(
            id, usage.Users, [.. usage.Modules.Select(module => new ModuleCount(module.Id, module.Users))], time.GetUtcNow()));
    }

    /// <summary>The latest snapshot, when the last poll read it; otherwise <see cref="Unavailable"/> says why there is none.</summary>
    private static LiveSnapshot? Fresh(MetricsHub hub) => hub.Latest is { IsLiveStoreAvailable: true, Snapshot: { } snapshot } ? snapshot : null;

    private static JsonHttpResult<ApiError> Unavailable(MetricsHub hub) => hub.Latest is { IsLiveStoreAvailable: false }
        ? ApiResults.Unavailable(StoreUnavailableException.LiveStore)
        : ApiResults.Unavailable("Live data", "The first poll of the live store has not finished yet; retry in a moment.");
}
