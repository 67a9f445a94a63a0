using Dashboard.Core.History;
using Dashboard.Core.Performance;
using Dashboard.Core.Tracking;
using Dashboard.Data.History;
using Dashboard.Web.Api.Contracts;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET peak</c>, <c>average</c> and <c>trend</c>: history over a range (<c>start=24h&amp;end=now</c> or ISO-8601
/// instants), overall or for one <c>module</c> or <c>organization</c>; the trend also downloads as CSV.
/// <c>GET performance</c>: requests, errors and response-time percentiles over a range, overall or for one module.
/// </summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistoryEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/peak", GetPeakAsync)
            .Produces<ApiEnvelope<PeakData>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("Peak concurrent users in a range (start=24h&end=now)");
        group.MapGet("/average", GetAverageAsync)
            .Produces<ApiEnvelope<AverageData>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("Time-weighted average concurrent users in a range");
        group.MapGet("/trend", GetTrendAsync)
            .Produces<ApiEnvelope<TrendData>>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("Users over a range with the change against the previous period (format=csv to download)");
        group.MapGet("/performance", GetPerformanceAsync)
            .Produces<ApiEnvelope<PerformanceRangeData>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .WithSummary("Requests, error rate and P50/P95/P99 over a range, overall with each module or for one module")
            // It shares the history query, but refuses an organization: latencies are kept per module only.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters?.Remove(operation.Parameters.Single(parameter => parameter.Name == "organization"));
                return Task.CompletedTask;
            });
        return group;
    }

    private static async Task<IResult> GetPeakAsync(
        [AsParameters] HistoryRequest request, HistoryQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Parse(time) is not ({ } scope, { } range))
        {
            return request.Error!;
        }

        var peak = await queries.GetPeakAsync(scope, range, cancellationToken);
        return ApiResults.Ok(new PeakData(peak.Users, peak.At, range.Start, range.End, Name(scope), Name(peak.Source)));
    }

    private static async Task<IResult> GetAverageAsync(
        [AsParameters] HistoryRequest request, HistoryQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Parse(time) is not ({ } scope, { } range))
        {
            return request.Error!;
        }

        var average = await queries.GetAverageAsync(scope, range, cancellationToken);
        return ApiResults.Ok(new AverageData(
            average.Users is { } users ? Math.Round(users, 2) : null, range.Start, range.End, Name(scope), Name(average.Source)));
    }

    private static async Task<IResult> GetTrendAsync(
        [AsParameters] HistoryRequest request, string? format, HistoryQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "csv"))
        {
            return ApiResults.Invalid([new ValidationError("format", "format must be json or csv.")]);
        }

        if (request.Parse(time) is not ({ } scope, { } range))
        {
            return request.Error!;
        }

        var trend = await queries.GetTrendAsync(scope, range, cancellationToken);
        if (format == "csv")
        {
            return TypedResults.Text(
                Csv.Write(["timestamp", "concurrent_users", "max_users"], trend.Points, point => [point.Timestamp, point.Users, point.MaxUsers]),
                "text/csv");
        }

        return ApiResults.Ok(new TrendData(
            [.. trend.Points.Select(point => new TrendPointData(point.Timestamp, Math.Round(point.Users, 2), point.MaxUsers))],
            trend.ChangePercent is { } change ? Math.Round(change, 1) : null,
            Resolution(trend.Resolution),
            trend.Average,
            trend.PreviousAverage,
            range.Start,
            range.End,
            Name(scope),
            Name(trend.Source)));
    }

    private static async Task<IResult> GetPerformanceAsync(
        [AsParameters] HistoryRequest request, PerformanceQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Parse(time) is not ({ } scope, { } range))
        {
            return request.Error!;
        }

        if (scope.Kind == HistoryScopeKind.Organization)
        {
            return ApiResults.Invalid([new("organization", "Response times are kept per module, not per organization: give a module or neither.")]);
        }

        var merged = await queries.GetMergedAsync(range, scope.Id, cancellationToken);
        if (scope.Id is { } module)
        {
            var summary = merged.Modules.GetValueOrDefault(module) ?? PerformanceSummary.Of(new LatencyHistogram());
            return ApiResults.Ok(PerformanceRangeData.From(summary, range.Start, range.End, Name(scope), []));
        }

        return ApiResults.Ok(PerformanceRangeData.From(merged.Overall, range.Start, range.End, Name(scope),
            [.. merged.Modules.Select(entry => ModulePerformanceData.From(entry.Key, entry.Value))]));
    }

    private static string Name(HistoryScope scope) => scope.Id is null ? "overall" : $"{scope.Kind.ToString().ToLowerInvariant()}:{scope.Id}";

    private static string Name(HistoryTier tier) => tier.ToString().ToLowerInvariant();

    /// <summary>A resolution as people write it: 10s, 5m, 1h, 1d.</summary>
    public static string Resolution(TimeSpan resolution) => resolution switch
    {
        { TotalDays: >= 1 } when resolution.TotalDays % 1 == 0 => $"{resolution.TotalDays:0}d",
        { TotalHours: >= 1 } when resolution.TotalHours % 1 == 0 => $"{resolution.TotalHours:0}h",
        { TotalMinutes: >= 1 } when resolution.TotalMinutes % 1 == 0 => $"{resolution.TotalMinutes:0}m",
        _ => $"{resolution.TotalSeconds:0}s",
    };
}
